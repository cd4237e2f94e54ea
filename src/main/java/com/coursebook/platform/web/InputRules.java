package com.coursebook.platform.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.PlausibleDates;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rules every input follows, applied once at the edge instead of field by field: dates and date-times within
 * {@link PlausibleDates} (offsets converted to the clinic's zone) wherever they are bound — query parameters, forms,
 * JSON bodies — and no NUL character in any text (PostgreSQL cannot store it; refused as the field's mistake, not as
 * a conflict with stored data). The NUL check on forms and parameters is {@link NoNulCharacters}.
 */
@Configuration(proxyBeanMethods = false)
class InputRules implements WebMvcConfigurer {

    private final ZoneId zone;

    InputRules(ClinicClock clock) {
        this.zone = clock.zone();
    }

    /** Registered after Spring's own formatter for {@code @DateTimeFormat}, so it is the one asked first. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new PlausibleDateFormatterFactory(zone));
    }

    /** Jackson's half of the same rules for JSON bodies (Spring Boot registers every JacksonModule bean). */
    @Bean
    JacksonModule inputRulesModule() {
        SimpleModule module = new SimpleModule("coursebook-input-rules");
        module.addDeserializer(LocalDate.class, new ValueDeserializer<LocalDate>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
                String text = text(p, ctxt, LocalDate.class);
                try {
                    return PlausibleDates.date(text);
                }
                catch (IllegalArgumentException ex) {
                    throw ctxt.weirdStringException(text, LocalDate.class, ex.getMessage());
                }
            }
        });
        module.addDeserializer(LocalDateTime.class, new ValueDeserializer<LocalDateTime>() {
            @Override
            public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
                String text = text(p, ctxt, LocalDateTime.class);
                try {
                    return PlausibleDates.dateTime(text, zone);
                }
                catch (IllegalArgumentException ex) {
                    throw ctxt.weirdStringException(text, LocalDateTime.class, ex.getMessage());
                }
            }
        });
        module.addDeserializer(String.class, new ValueDeserializer<String>() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
                String value = StringDeserializer.instance.deserialize(p, ctxt);
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ctxt.weirdStringException(value.replace('\0', '?'), String.class, NUL);
                }
                return value;
            }
        });
        return module;
    }

    static final String NUL = "contains the NUL character";

    private static String text(JsonParser p, DeserializationContext ctxt, Class<?> type) {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(type, p);
        }
        return p.getString();
    }

    /** {@code @DateTimeFormat(iso = DATE | DATE_TIME)} on LocalDate and LocalDateTime, parsed by {@link PlausibleDates}. */
    static final class PlausibleDateFormatterFactory implements AnnotationFormatterFactory<DateTimeFormat> {

        private final Jsr310DateTimeFormatAnnotationFormatterFactory spring = new Jsr310DateTimeFormatAnnotationFormatterFactory();

        private final ZoneId zone;

        PlausibleDateFormatterFactory(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class, LocalDateTime.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return spring.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            if (fieldType == LocalDate.class && annotation.iso() == DateTimeFormat.ISO.DATE) {
                return (text, locale) -> PlausibleDates.date(text);
            }
            if (fieldType == LocalDateTime.class && annotation.iso() == DateTimeFormat.ISO.DATE_TIME) {
                return (text, locale) -> PlausibleDates.dateTime(text, zone);
            }
            Parser<?> parser = spring.getParser(annotation, fieldType);
            return (text, locale) -> {
                Object value = parser.parse(text, locale);
                LocalDate date = value instanceof LocalDateTime dateTime ? dateTime.toLocalDate() : (LocalDate) value;
                if (!PlausibleDates.within(date)) {
                    throw new IllegalArgumentException("Date outside " + PlausibleDates.FIRST + " to " + PlausibleDates.LAST);
                }
                return value;
            };
        }
    }

    /** A text editor for every binder: refuses NUL, otherwise the text as it came. */
    static final class NoNulEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text != null && text.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(NUL);
            }
            setValue(text);
        }
    }
}
