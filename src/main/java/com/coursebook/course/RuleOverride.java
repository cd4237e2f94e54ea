package com.coursebook.course;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A clinician's confirmation of a warning (relative contraindication), with the written reason. Never edited. */
@Entity
@Immutable
@Table(name = "rule_override")
public class RuleOverride {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "course_id", nullable = false)
    private Long courseId;

    @Column(name = "rule_code", nullable = false)
    private String ruleCode;

    @Column(nullable = false)
    private String finding;

    @Column(nullable = false)
    private String reason;

    @Column(name = "overridden_by", nullable = false)
    private String overriddenBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RuleOverride() {
    }

    RuleOverride(Long courseId, String overrideKey, String reason, String overriddenBy) {
        this.courseId = courseId;
        int colon = overrideKey.indexOf(':');
        this.ruleCode = colon < 0 ? overrideKey : overrideKey.substring(0, colon);
        this.finding = overrideKey;
        this.reason = reason;
        this.overriddenBy = overriddenBy;
    }

    @PrePersist
    void stamp() {
        createdAt = Instant.now();
    }

    public Long getCourseId() {
        return courseId;
    }

    public String getRuleCode() {
        return ruleCode;
    }

    /** The override key: the rule and the condition it confirms. */
    public String getFinding() {
        return finding;
    }

    public String getReason() {
        return reason;
    }

    public String getOverriddenBy() {
        return overriddenBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
