package com.coursebook.scheduling;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.VersionedEntity;

/**
 * A place where the clinic works: its name, address and phone (printed on the patient's appointment list), its time
 * zone and the weekdays it opens. A location is never deleted: rooms, practitioners and sessions point at it.
 */
@Entity
@Table(name = "location")
public class Location extends VersionedEntity {

    public static final int NAME_MAX_LENGTH = 100;

    public static final int TEXT_MAX_LENGTH = 300;

    @Column(nullable = false, unique = true)
    private String name;

    private String address;

    /** As patients should dial it; printed on their appointment list. */
    private String phone;

    /** IANA zone id; null: the clinic-wide default (coursebook.clinic.time-zone). */
    @Column(name = "time_zone")
    private String timeZone;

    @Convert(converter = OpeningDays.class)
    @Column(name = "opening_days", nullable = false)
    private Set<DayOfWeek> openingDays = EnumSet.allOf(DayOfWeek.class);

    protected Location() {
    }

    public Location(String name, String address) {
        this(name, address, null);
    }

    public Location(String name, String address, String phone) {
        this.name = name;
        this.address = address;
        this.phone = phone;
    }

    /** A location as the admin describes it; refuses, naming the field, an empty name, an unknown zone, no open day. */
    public static Location of(LocationDetails details) {
        Location location = new Location();
        location.change(details);
        return location;
    }

    public void change(LocationDetails details) {
        String stripped = details.name() == null ? "" : details.name().strip();
        if (stripped.isEmpty()) {
            throw new InvalidRequestException("name", "scheduling.location.name.required");
        }
        if (stripped.length() > NAME_MAX_LENGTH) {
            throw new InvalidRequestException("name", "field.tooLong.at", NAME_MAX_LENGTH);
        }
        String zone = blankToNull(details.timeZone());
        if (zone != null) {
            try {
                ZoneId.of(zone);
            }
            catch (DateTimeException ex) {
                throw new InvalidRequestException("timeZone", "scheduling.location.zone.unknown", zone);
            }
        }
        if (details.openingDays() == null || details.openingDays().isEmpty()) {
            throw new InvalidRequestException("openingDays", "scheduling.location.openingDays.required");
        }
        this.name = stripped;
        this.address = blankToNull(details.address());
        this.phone = blankToNull(details.phone());
        this.timeZone = zone;
        this.openingDays = EnumSet.copyOf(details.openingDays());
    }

    /** What an admin may change, by name, for the audit trail's "old → new" line. */
    public Map<String, Object> editableState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("address", address);
        state.put("phone", phone);
        state.put("timeZone", timeZone);
        state.put("openingDays", OpeningDays.digits(openingDays));
        return state;
    }

    /** Whether sessions may take place here on this weekday. */
    public boolean opensOn(DayOfWeek day) {
        return openingDays.contains(day);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /** The location's zone, or {@code fallback} (the clinic's) when it has none of its own. */
    public ZoneId zone(ZoneId fallback) {
        return timeZone == null ? fallback : ZoneId.of(timeZone);
    }

    public Set<DayOfWeek> getOpeningDays() {
        return EnumSet.copyOf(openingDays);
    }

    /** Stores opening days as ISO weekday digits in order ('12345' = Monday to Friday), as V15 checks. */
    @Converter
    static class OpeningDays implements AttributeConverter<Set<DayOfWeek>, String> {

        static String digits(Set<DayOfWeek> days) {
            return days.stream().sorted().map(day -> String.valueOf(day.getValue())).collect(Collectors.joining());
        }

        @Override
        public String convertToDatabaseColumn(Set<DayOfWeek> days) {
            return digits(days);
        }

        @Override
        public Set<DayOfWeek> convertToEntityAttribute(String digits) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            digits.chars().forEach(c -> days.add(DayOfWeek.of(c - '0')));
            return days;
        }
    }
}
