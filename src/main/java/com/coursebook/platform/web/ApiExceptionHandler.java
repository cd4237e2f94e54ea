package com.coursebook.platform.web;

import com.coursebook.course.DecisionRenderer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.coursebook.course.BookingRefusedException;
import com.coursebook.course.CourseCheck;
import com.coursebook.course.SlotTakenException;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.LocalizedException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.NotPermittedException;
import tools.jackson.core.JacksonException;
import org.hibernate.exception.JDBCConnectionException;
import tools.jackson.databind.exc.InvalidFormatException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as RFC 9457 problem details, with a message a person can act on and,
 * for invalid input, each field and what is wrong with it. Never a stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE) // before the screens' advice, which would also match @RestController
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final DecisionRenderer decisions;

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages, DecisionRenderer decisions) {
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream().map(error -> Map.of(
                "field", error instanceof FieldError field ? field.getField() : error.getObjectName(),
                "message", messages.getMessage(error, locale))).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", "problem.invalid.detail");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Unreadable JSON, or a value of the wrong shape (a date that is not YYYY-MM-DD, an unknown sex). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", "problem.unreadable.detail");
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .reduce((a, b) -> a + "." + b).orElse("");
            String message = jackson instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()
                            ? text("problem.field.oneOf", List.of(format.getTargetType().getEnumConstants()).toString())
                            : jackson instanceof InvalidFormatException format2 ? wrongValue(format2.getTargetType())
                                    : text("problem.field.wrongType");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", "problem.invalid.detail");
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", wrongValue(ex.getRequiredType()))));
        return ResponseEntity.badRequest().body(problem);
    }

    /** What is wrong with a value that could not be read as its type: dates say their form and span, text its NUL. */
    private String wrongValue(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return text("input.date");
        }
        if (type == java.time.LocalDateTime.class) {
            return text("input.dateTime");
        }
        if (type == String.class) {
            return text("input.nul");
        }
        return text("problem.field.wrongType");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return inWords(HttpStatus.NOT_FOUND, "problem.notFound.title", ex);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        return inWords(HttpStatus.CONFLICT, "problem.conflict.title", ex);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", ex.detailCode());
        problem.setProperty("errors", ex.problems().stream().map(p -> Map.of("field", p.field(), "message",
                text(p.messageCode(), p.arguments()))).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** The rules refuse the booking: every finding, and from when it could be booked. */
    @ExceptionHandler(BookingRefusedException.class)
    ResponseEntity<ProblemDetail> refused(BookingRefusedException ex) {
        CourseCheck check = decisions.render(ex.decision(), LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                check.earliestStart() != null ? text("problem.refused.detail.from", check.earliestStart().toString())
                        : text("problem.refused.detail"));
        problem.setTitle(text("problem.refused.title"));
        problem.setProperty("findings", check.findings());
        problem.setProperty("sessions", check.sessions());
        problem.setProperty("earliestStart", check.earliestStart());
        problem.setProperty("warningsToConfirm", check.warningsToConfirm());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(SlotTakenException.class)
    ResponseEntity<ProblemDetail> slotTaken(SlotTakenException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("problem.slotTaken.detail."
                + ex.whose(), ex.startsAt().toString().replace('T', ' '), ex.endsAt().toLocalTime().toString()));
        problem.setTitle(text("problem.slotTaken.title"));
        problem.setProperty("startsAt", ex.startsAt());
        problem.setProperty("endsAt", ex.endsAt());
        problem.setProperty("conflictsWith", ex.whose());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Two requests raced for the same rows and the database made one of them wait and give up: say try again. */
    @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrency(org.springframework.dao.ConcurrencyFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "problem.conflict.title", "problem.slotTaken.detail.null"));
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleVersion(ObjectOptimisticLockingFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "problem.conflict.title", "error.changedMeanwhile"));
    }

    /**
     * The database's own guarantees (exclusion constraints, a signed note's session, checks) lost a race or caught a
     * mistake: said in words where the guard has its own SQLSTATE.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
        ProblemDetail problem = DatabaseRefusal.of(ex)
                .map(refusal -> problem(HttpStatus.CONFLICT, refusal.titleCode, refusal.detailCode))
                .orElseGet(() -> problem(HttpStatus.CONFLICT, "problem.conflict.title", "problem.integrity.detail"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** The role may do this, but not to this record (someone else's draft): 403, saying whose it is. */
    @ExceptionHandler(NotPermittedException.class)
    ResponseEntity<ProblemDetail> notPermitted(NotPermittedException ex) {
        return inWords(HttpStatus.FORBIDDEN, "problem.notPermitted.title", ex);
    }

    /** A refusal the domain said in a message code: its words as the detail, under the status's title. */
    private ResponseEntity<ProblemDetail> inWords(HttpStatus status, String titleCode, LocalizedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(ex.messageCode(), ex.arguments()));
        problem.setTitle(text(titleCode));
        return ResponseEntity.status(status).body(problem);
    }

    /** The database cannot be reached (down, restarting, no connection within the pool's timeout): 503, try again. */
    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class, JDBCConnectionException.class })
    ResponseEntity<ProblemDetail> databaseDown(RuntimeException ex) {
        if (!DatabaseDown.causes(ex)) {
            throw ex;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseDownFilter.RETRY_AFTER)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.databaseDown.title", "error.503"));
    }

    private ProblemDetail problem(HttpStatus status, String titleCode, String detailCode) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailCode));
        problem.setTitle(text(titleCode));
        return problem;
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
    }
}
