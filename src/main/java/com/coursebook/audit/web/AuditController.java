package com.coursebook.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.coursebook.audit.AuditLog;
import com.coursebook.shared.ClinicClock;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's audit viewer (under /admin, so admins only): search, CSV of a search, and the chain's check. */
@Controller
class AuditController {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog log;

    private final ClinicClock clock;

    AuditController(AuditLog log, ClinicClock clock) {
        this.log = log;
        this.clock = clock;
    }

    @GetMapping("/admin/audit")
    String search(@ModelAttribute("filter") AuditFilter filter, BindingResult result,
            @RequestParam(required = false) Long before, Model model) {
        AuditLog.Query query = filter.check(result, log::patientOfRecord);
        model.addAttribute("page", query == null ? new AuditLog.Page(java.util.List.of(), null) : log.search(query, before));
        model.addAttribute("clock", clock);
        model.addAttribute("timeFormat", TIME);
        return "audit/search";
    }

    @GetMapping("/admin/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify());
        model.addAttribute("anchorFolder", log.anchorFolder());
        model.addAttribute("clock", clock);
        model.addAttribute("timeFormat", TIME);
        return "audit/verify";
    }

    /** Checks the chain and writes its head as an anchor now (as the daily job does), then shows the check. */
    @PostMapping("/admin/audit/anchor")
    String anchor(RedirectAttributes redirect) {
        AuditLog.Verification result = log.anchor();
        if (result.holds()) {
            redirect.addFlashAttribute("anchored", result.lastAnchor());
        }
        else {
            redirect.addFlashAttribute("notAnchored", true);
        }
        return "redirect:/admin/audit/verify";
    }

    /** The same search as CSV (UTF-8 with a byte-order mark, as the review's exports), every line, streamed. */
    @GetMapping("/admin/audit/export")
    String export(@ModelAttribute("filter") AuditFilter filter, BindingResult result, HttpServletResponse response,
            Model model) throws IOException {
        AuditLog.Query query = filter.check(result, log::patientOfRecord);
        if (query == null) {
            // The search page again, with the fields' problems beside them.
            model.addAttribute("page", new AuditLog.Page(java.util.List.of(), null));
            model.addAttribute("clock", clock);
            model.addAttribute("timeFormat", TIME);
            return "audit/search";
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("audit.csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("\uFEFF");
        out.write(row("id", "time", "user", "action", "entity_type", "entity_id", "patient_id", "details", "repeats",
                "last_repeat"));
        log.export(query, line -> {
            try {
                out.write(row(line.id(), TIME.format(clock.toLocal(line.occurredAt())), line.actor(), line.action(),
                        line.entityType(), line.entityId(), line.patientId(), line.details(), line.repeats(),
                        line.lastRepeatAt() == null ? null : TIME.format(clock.toLocal(line.lastRepeatAt()))));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        out.flush();
        return null; // written to the response
    }

    private static String row(Object... cells) {
        return Arrays.stream(cells).map(AuditController::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /** Quote what would break the row, and neutralise what a spreadsheet would run as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
