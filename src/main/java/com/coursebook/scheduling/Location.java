package com.coursebook.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.coursebook.shared.VersionedEntity;

@Entity
@Table(name = "location")
public class Location extends VersionedEntity {

    @Column(nullable = false, unique = true)
    private String name;

    private String address;

    protected Location() {
    }

    public Location(String name, String address) {
        this.name = name;
        this.address = address;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }
}
