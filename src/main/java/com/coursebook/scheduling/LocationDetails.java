package com.coursebook.scheduling;

import java.time.DayOfWeek;
import java.util.Set;

/** What an admin says about a location; checked by {@link Location#change}. */
public record LocationDetails(String name, String address, String phone, String timeZone, Set<DayOfWeek> openingDays) {
}
