package com.coursebook.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.coursebook.shared.VersionedEntity;

/**
 * A treatment room at a location. Its type is matched against a program's room type (a urology room for
 * prostate massage). A room that is no longer used is deactivated, never deleted: sessions keep pointing at it.
 */
@Entity
@Table(name = "room")
public class Room extends VersionedEntity {

    static final int NAME_MAX_LENGTH = 100;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    @Column(nullable = false)
    private String name;

    @Column(name = "room_type", nullable = false)
    private String roomType;

    @Column(nullable = false)
    private boolean active = true;

    protected Room() {
    }

    public Room(Location location, String name, String roomType) {
        if (location == null) {
            throw new IllegalArgumentException("A room belongs to a location");
        }
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("A room needs a name of at most " + NAME_MAX_LENGTH + " characters");
        }
        // The same code form as treatment_program.room_type, so the two can be matched.
        if (roomType == null || !roomType.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("A room type is a code such as UROLOGY");
        }
        this.location = location;
        this.name = stripped;
        this.roomType = roomType;
    }

    /** Takes the room out of use for new bookings; idempotent. */
    public void deactivate() {
        active = false;
    }

    /** Puts a deactivated room back into use; idempotent. */
    public void activate() {
        active = true;
    }

    public Location getLocation() {
        return location;
    }

    public String getName() {
        return name;
    }

    public String getRoomType() {
        return roomType;
    }

    public boolean isActive() {
        return active;
    }
}
