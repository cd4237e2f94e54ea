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

    /** As patients should dial it; printed on their appointment list. */
    private String phone;

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

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }
}
