package com.coursebook.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coursebook.course.BookingRefusedException;
import com.coursebook.course.DecisionRenderer;
import com.coursebook.course.SlotTakenException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.LocalizedException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.NotPermittedException;
import com.coursebook.shared.ReturnsTo;
import com.coursebook.shared.Typed;
import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The screens' one advice: a record that does not exist gets a friendly page; an act the domain refuses (the rules,
 * a slot taken, even at the database's last guard, a state that does not allow it) brings the user back to the page
 * the handler names with {@link ReturnsTo}, with the reason in their language and what they typed ({@link Typed}).
 * Never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
class WebExceptionHandler {

    private final DecisionRenderer decisions;

    WebExceptionHandler(DecisionRenderer decisions) {
        this.decisions = decisions;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    /**
     * A path that names no record (/patients/abc) is not found; a query parameter that cannot be read (a date in the
     * year +999999999, a NUL) is a bad request, said in words.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String unreadable(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
        boolean path = ex.getParameter().hasParameterAnnotation(PathVariable.class);
        int status = path ? 404 : 400;
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }

    /** A from-to range the wrong way round, or another query the screen cannot answer as asked. */
    @ExceptionHandler(InvalidRequestException.class)
    String invalid(InvalidRequestException ex, HandlerMethod handler, HttpServletRequest request,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        if (handler.getMethodAnnotation(ReturnsTo.class) != null) {
            return refusedAct(ex, handler, request, redirect);
        }
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("problem", ex.problems().isEmpty() ? null : ex.problems().get(0).messageCode());
        return "error";
    }

    @ExceptionHandler(BookingRefusedException.class)
    String refused(BookingRefusedException ex, HandlerMethod handler, HttpServletRequest request, Locale locale,
            RedirectAttributes redirect) {
        ReturnsTo to = returnsTo(handler, ex);
        redirect.addFlashAttribute("problem", to.refused());
        redirect.addFlashAttribute("findings", decisions.render(ex.decision(), locale).findings());
        return back(to, request, redirect);
    }

    @ExceptionHandler(SlotTakenException.class)
    String slotTaken(SlotTakenException ex, HandlerMethod handler, HttpServletRequest request,
            RedirectAttributes redirect) {
        ReturnsTo to = returnsTo(handler, ex);
        redirect.addFlashAttribute("problem", "problem.slotTaken.detail." + ex.whose());
        redirect.addFlashAttribute("problemArgs", ex.startsAt() == null ? new Object[0]
                : new Object[] { ex.startsAt().toString().replace('T', ' '), ex.endsAt().toLocalTime().toString() });
        return back(to, request, redirect);
    }

    /**
     * A guard of the database refused an act that lost a race: the overlap constraint (SQLSTATE 23P01), or a signed
     * note's session (23S01, 23S02, V18). Any other violation stays an error.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    String refusedByDatabase(DataIntegrityViolationException ex, HandlerMethod handler, HttpServletRequest request,
            RedirectAttributes redirect) {
        DatabaseRefusal refusal = DatabaseRefusal.of(ex).orElseThrow(() -> ex);
        ReturnsTo to = returnsTo(handler, ex);
        redirect.addFlashAttribute("problem", refusal.detailCode);
        redirect.addFlashAttribute("problemArgs", new Object[0]);
        return back(to, request, redirect);
    }

    /** Someone else's record (a colleague's draft): 403, with whose it is in words. */
    @ExceptionHandler(NotPermittedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notPermitted(NotPermittedException ex, Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("problem", ex.messageCode());
        model.addAttribute("problemArgs", ex.arguments());
        return "error";
    }

    /** A state that does not allow the act, or input the domain refuses (a missing record is handled above). */
    @ExceptionHandler(LocalizedException.class)
    String refusedAct(LocalizedException ex, HandlerMethod handler, HttpServletRequest request,
            RedirectAttributes redirect) {
        ReturnsTo to = returnsTo(handler, ex);
        redirect.addFlashAttribute("problem", ex.messageCode());
        redirect.addFlashAttribute("problemArgs", ex.arguments());
        return back(to, request, redirect);
    }

    /** The database cannot be reached: a page that says so, 503, rather than the failed page. */
    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class, JDBCConnectionException.class })
    String databaseDown(RuntimeException ex, Model model, HttpServletResponse response) {
        if (!DatabaseDown.causes(ex)) {
            throw ex;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseDownFilter.RETRY_AFTER);
        model.addAttribute("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        return "error";
    }

    /** Only handlers that name their page are answered here; anything else stays an error (the error page). */
    private static <E extends RuntimeException> ReturnsTo returnsTo(HandlerMethod handler, E ex) {
        ReturnsTo to = handler.getMethodAnnotation(ReturnsTo.class);
        if (to == null) {
            throw ex;
        }
        return to;
    }

    @SuppressWarnings("unchecked")
    private static String back(ReturnsTo to, HttpServletRequest request, RedirectAttributes redirect) {
        Typed.keep(request, redirect); // the form on that page shows what was typed again

        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return "redirect:" + UriComponentsBuilder.fromUriString(to.value())
                .buildAndExpand(variables == null ? Map.of() : variables).toUriString();
    }
}
