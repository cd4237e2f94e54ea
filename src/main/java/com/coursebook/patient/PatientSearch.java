package com.coursebook.patient;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.coursebook.shared.PlausibleDates;

import com.coursebook.shared.Sex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds patients as a receptionist types: every word of the query must match a name, a phone number,
 * a birth date, a birth year or a record number. One SQL query, served by trigram and b-tree indexes, so it stays
 * fast with hundreds of thousands of patients.
 */
@Component
class PatientSearch {

    static final int LIMIT = 50;

    private static final Pattern RECORD_NUMBER = Pattern.compile("(?i)cb-?\\d{3,18}"); // more digits than a long holds is no record number

    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9()\\- ]*\\d{3,}[0-9()\\- ]*");

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"));

    private final JdbcClient jdbc;

    PatientSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PatientSummary> search(String query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String[] words = query == null ? new String[0] : query.strip().split("[\\s,]+");
        for (String word : words) {
            if (word.isBlank()) {
                continue;
            }
            String name = "p" + parameters.size();
            Optional<LocalDate> date = parseDate(word);
            if (date.isPresent()) {
                conditions.add("birth_date = :" + name);
                parameters.put(name, date.get());
            }
            else if (YEAR.matcher(word).matches()) {
                // "savin 1975": a birth year, as patients give it; four digits may also be part of a phone number
                conditions.add("(birth_date >= :" + name + "from AND birth_date < :" + name + "to OR phone_digits LIKE :"
                        + name + ")");
                int year = Integer.parseInt(word);
                parameters.put(name + "from", LocalDate.of(year, 1, 1));
                parameters.put(name + "to", LocalDate.of(year + 1, 1, 1));
                parameters.put(name, "%" + word + "%");
            }
            else if (RECORD_NUMBER.matcher(word).matches()) {
                conditions.add("record_number = :" + name);
                parameters.put(name, String.format("CB-%06d", Long.parseLong(word.replaceAll("\\D", ""))));
            }
            else if (PHONE_LIKE.matcher(word).matches()) {
                conditions.add("phone_digits LIKE :" + name);
                parameters.put(name, "%" + word.replaceAll("\\D", "") + "%");
            }
            else {
                conditions.add("search_name LIKE :" + name);
                parameters.put(name, "%" + escapeLike(word.toLowerCase(Locale.ROOT)) + "%");
            }
        }
        // Without a query, the most recently registered or edited patients: what reception worked on last.
        String sql = "SELECT id, record_number, family_name, given_name, middle_name, birth_date, sex, phone FROM patient"
                + (conditions.isEmpty() ? " ORDER BY updated_at DESC"
                        : " WHERE " + String.join(" AND ", conditions) + " ORDER BY family_name, given_name, birth_date, id")
                + " LIMIT " + LIMIT;
        return jdbc.sql(sql).params(parameters).query((rs, row) -> new PatientSummary(rs.getLong("id"),
                rs.getString("record_number"),
                fullName(rs.getString("family_name"), rs.getString("given_name"), rs.getString("middle_name")),
                rs.getObject("birth_date", LocalDate.class), Sex.valueOf(rs.getString("sex")), rs.getString("phone")))
                .list();
    }

    private static String fullName(String family, String given, String middle) {
        return middle == null ? family + " " + given : family + " " + given + " " + middle;
    }

    private static Optional<LocalDate> parseDate(String word) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                LocalDate date = LocalDate.parse(word, format);
                // a "date" outside what can be recorded is no birth date (and +999999999-01-01 would overflow the database's)
                return PlausibleDates.within(date) ? Optional.of(date) : Optional.empty();
            }
            catch (DateTimeParseException ex) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
