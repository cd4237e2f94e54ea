package com.coursebook.course.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;

import com.coursebook.shared.TimeSlot;
import java.util.List;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives each session a free room of the type the program needs (an examination chair for gynecology, say),
 * at the practitioner's location. Two queries for a whole course: the rooms, and their busy times in the
 * course's span. The room exclusion constraint still guards against a race.
 */
@Component
public class RoomAssignment {

    private final JdbcClient jdbc;

    RoomAssignment(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Busy(Long roomId, Instant start, Instant end) {

        boolean overlaps(Long room, TimeSlot slot) {
            return roomId.equals(room) && start.isBefore(slot.endsAt()) && end.isAfter(slot.startsAt());
        }
    }

    /**
     * The rooms found: an id for each slot (nulls when the program needs no particular room or the clinic keeps
     * no rooms of that type), or the first slot at which every suitable room is taken.
     */
    public record Rooms(List<Long> ids, TimeSlot full) {

        static Rooms none(int count) {
            List<Long> none = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                none.add(null);
            }
            return new Rooms(none, null);
        }
    }

    /** A room for each slot; the sessions being moved ({@code ignoredSessionIds}) do not occupy their old rooms. */
    public Rooms assign(String roomType, Long locationId, List<TimeSlot> slots, List<Long> ignoredSessionIds) {
        if (roomType == null || slots.isEmpty()) {
            return Rooms.none(slots.size());
        }
        List<Long> rooms = jdbc.sql("SELECT id FROM room WHERE active AND room_type = ? "
                        + "AND (CAST(? AS bigint) IS NULL OR location_id = ?) ORDER BY id")
                .params(roomType, locationId, locationId).query(Long.class).list();
        if (rooms.isEmpty()) {
            return Rooms.none(slots.size());
        }
        Instant first = slots.stream().map(TimeSlot::startsAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = slots.stream().map(TimeSlot::endsAt).max(Comparator.naturalOrder()).orElseThrow();
        List<Busy> busy = new ArrayList<>(jdbc.sql("SELECT room_id, starts_at, ends_at FROM course_session "
                        + "WHERE room_id = ANY(?) AND status NOT LIKE 'CANCELLED%' AND starts_at < ? AND ends_at > ? "
                        + "AND NOT (id = ANY(?))")
                .params(rooms.toArray(new Long[0]), Timestamp.from(last), Timestamp.from(first),
                        ignoredSessionIds.toArray(new Long[0]))
                .query((rs, row) -> new Busy(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list());
        List<Long> assigned = new ArrayList<>();
        for (TimeSlot slot : slots) {
            Long room = rooms.stream().filter(r -> busy.stream().noneMatch(b -> b.overlaps(r, slot))).findFirst()
                    .orElse(null);
            if (room == null) {
                return new Rooms(List.of(), slot);
            }
            busy.add(new Busy(room, slot.startsAt(), slot.endsAt()));
            assigned.add(room);
        }
        return new Rooms(assigned, null);
    }
}
