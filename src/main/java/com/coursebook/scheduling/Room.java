package com.coursebook.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.coursebook.shared.VersionedEntity;

@Entity
@Table(name = "room")
public class Room extends VersionedEntity {

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
        this.location = location;
        this.name = name;
        this.roomType = roomType;
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
