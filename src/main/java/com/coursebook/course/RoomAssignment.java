package com.coursebook.course;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.coursebook.shared.ClinicClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives each session a free room of the type the program needs (an examination chair for gynecology, say),
 * at the practitioner's location. Two queries for a whole course: the rooms, and their busy times in the
 * course's span. The room exclusion constraint still guards against a race.
 */
@Component
class RoomAssignment {

    private final JdbcClient jdbc;

    private final ClinicClock clock;

    RoomAssignment(JdbcClient jdbc, ClinicClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Busy(Long roomId, Instant start, Instant end) {

        boolean overlaps(Long room, Instant[] slot) {
            return roomId.equals(room) && start.isBefore(slot[1]) && end.isAfter(slot[0]);
        }
    }

    /**
     * A room id for each slot, or nulls when the program needs no particular room or the clinic keeps no
     * rooms of that type. Throws {@link SlotTakenException} when every suitable room is taken at a slot.
     */
    List<Long> assign(String roomType, Long locationId, List<Instant[]> slots, List<Long> ignoredSessionIds) {
        List<Long> none = new ArrayList<>();
        slots.forEach(slot -> none.add(null));
        if (roomType == null || slots.isEmpty()) {
            return none;
        }
        List<Long> rooms = jdbc.sql("SELECT id FROM room WHERE active AND room_type = ? "
                        + "AND (CAST(? AS bigint) IS NULL OR location_id = ?) ORDER BY id")
                .params(roomType, locationId, locationId).query(Long.class).list();
        if (rooms.isEmpty()) {
            return none;
        }
        Instant first = slots.stream().map(s -> s[0]).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = slots.stream().map(s -> s[1]).max(Comparator.naturalOrder()).orElseThrow();
        List<Busy> busy = new ArrayList<>(jdbc.sql("SELECT room_id, starts_at, ends_at FROM course_session "
                        + "WHERE room_id = ANY(?) AND status NOT LIKE 'CANCELLED%' AND starts_at < ? AND ends_at > ? "
                        + "AND NOT (id = ANY(?))")
                .params(rooms.toArray(new Long[0]), Timestamp.from(last), Timestamp.from(first),
                        ignoredSessionIds.toArray(new Long[0]))
                .query((rs, row) -> new Busy(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list());
        List<Long> assigned = new ArrayList<>();
        for (Instant[] slot : slots) {
            Long room = rooms.stream().filter(r -> busy.stream().noneMatch(b -> b.overlaps(r, slot))).findFirst()
                    .orElse(null);
            if (room == null) {
                throw new SlotTakenException(clock.toLocal(slot[0]), clock.toLocal(slot[1]), "ROOM");
            }
            busy.add(new Busy(room, slot[0], slot[1]));
            assigned.add(room);
        }
        return assigned;
    }
}
