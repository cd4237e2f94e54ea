package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A location as the admin's screen and the API's body give it. Whether the zone is a real one is the location's
 * own check ({@link Location#change}), so the two edges refuse it the same way.
 */
public class LocationForm {

    @NotBlank(message = "{scheduling.location.name.required}")
    @Size(max = Location.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String name;

    @Size(max = Location.TEXT_MAX_LENGTH, message = "{field.tooLong}")
    private String address;

    @Size(max = 50, message = "{field.tooLong}")
    private String phone;

    @Size(max = 60, message = "{field.tooLong}")
    private String timeZone;

    @NotEmpty(message = "{scheduling.location.openingDays.required}")
    private Set<DayOfWeek> openingDays = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** On an edit, the version the admin saw; null on a new location. */
    private Long version;

    public static LocationForm of(Location location) {
        LocationForm form = new LocationForm();
        form.name = location.getName();
        form.address = location.getAddress();
        form.phone = location.getPhone();
        form.timeZone = location.getTimeZone();
        form.openingDays = location.getOpeningDays();
        form.version = location.getVersion();
        return form;
    }

    public LocationDetails details() {
        return new LocationDetails(name, address, phone, timeZone, openingDays);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Set<DayOfWeek> getOpeningDays() {
        return openingDays;
    }

    public void setOpeningDays(Set<DayOfWeek> openingDays) {
        this.openingDays = openingDays;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
