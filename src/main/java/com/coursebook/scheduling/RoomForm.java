package com.coursebook.scheduling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A room an admin adds at a location. */
public class RoomForm {

    @NotNull(message = "{scheduling.location.required}")
    private Long locationId;

    @NotBlank(message = "{scheduling.room.name.required}")
    @Size(max = Room.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String name;

    @NotBlank(message = "{scheduling.room.type.required}")
    private String roomType;

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRoomType() {
        return roomType;
    }

    public void setRoomType(String roomType) {
        this.roomType = roomType;
    }
}
