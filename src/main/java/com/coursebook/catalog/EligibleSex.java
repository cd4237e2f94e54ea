package com.coursebook.catalog;

import com.coursebook.shared.Sex;

public enum EligibleSex {
    MALE, FEMALE, ANY;

    public boolean admits(Sex sex) {
        return this == ANY || name().equals(sex.name());
    }
}
