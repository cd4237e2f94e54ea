package com.coursebook.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.coursebook.shared.Bilingual;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.VersionedEntity;

/**
 * A kind of treatment room (urology, gynecology). A program asks for a type and a room has one, which is how
 * rooms are matched to sessions. The code never changes once made, so rooms and programs keep pointing at it;
 * a rename changes only the names, and a type no longer wanted is retired rather than deleted.
 */
@Entity
@Table(name = "room_type")
public class RoomType extends VersionedEntity {

    public static final String CODE_PATTERN = "[A-Z][A-Z0-9_]*";

    public static final int NAME_MAX_LENGTH = 100;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "name_ru", nullable = false)
    private String nameRu;

    @Column(nullable = false)
    private boolean active = true;

    protected RoomType() {
    }

    public RoomType(String code, Bilingual name) {
        if (code == null || !code.matches(CODE_PATTERN)) {
            throw new InvalidRequestException("code", "catalog.code.pattern");
        }
        this.code = code;
        rename(name);
    }

    public void rename(Bilingual name) {
        this.nameEn = Names.required(name == null ? null : name.en(), "nameEn", NAME_MAX_LENGTH);
        this.nameRu = Names.required(name == null ? null : name.ru(), "nameRu", NAME_MAX_LENGTH);
    }

    public void retire() {
        active = false;
    }

    public void reinstate() {
        active = true;
    }

    Map<String, Object> editableState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nameEn", nameEn);
        state.put("nameRu", nameRu);
        state.put("active", active);
        return state;
    }

    public String getCode() {
        return code;
    }

    public Bilingual getName() {
        return new Bilingual(nameEn, nameRu);
    }

    public boolean isActive() {
        return active;
    }
}
