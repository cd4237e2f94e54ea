package com.coursebook.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.coursebook.shared.Bilingual;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts findings into words in the reader's language, leaving out clinical detail for non-clinicians. */
@Component
public class FindingRenderer {

    private final MessageSource messages;

    FindingRenderer(MessageSource messages) {
        this.messages = messages;
    }

    public List<FindingView> render(List<Finding> findings, Locale locale, boolean clinician) {
        return findings.stream().map(f -> render(f, locale, clinician)).toList();
    }

    public FindingView render(Finding finding, Locale locale, boolean clinician) {
        return new FindingView(finding.rule(), finding.severity(), finding.session(), finding.date(),
                text(finding.message(), locale), finding.clearsOn(),
                clinician && finding.detail() != null ? text(finding.detail(), locale) : null,
                clinician ? finding.conditionCode() : null,
                clinician && finding.warns() ? finding.overrideKey() : null);
    }

    public String text(Text text, Locale locale) {
        Object[] arguments = Arrays.stream(text.arguments()).map(argument -> argument instanceof Bilingual name
                ? name.in(locale) : argument instanceof LocalDate date ? date.toString() : argument).toArray();
        return messages.getMessage(text.code(), arguments, text.code(), locale);
    }
}
