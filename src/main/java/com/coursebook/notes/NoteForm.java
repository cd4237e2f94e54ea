package com.coursebook.notes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A note as the screen posts it and the API sends it. Checks here are those a draft must pass already
 * (ranges, lengths); what a note needs before signing is the program's rule ({@link NoteFields}).
 */
public class NoteForm {

    @Min(value = 0, message = "{note.durationMinutes.range}")
    @Max(value = 120, message = "{note.durationMinutes.range}")
    private Integer durationMinutes;

    private Position position;

    private Route route;

    @Size(max = 500, message = "{field.tooLong}")
    private String technique;

    private Intensity intensity;

    @Size(max = 200, message = "{field.tooLong}")
    private String tolerance;

    @Min(value = 0, message = "{note.pain.range}")
    @Max(value = 10, message = "{note.pain.range}")
    private Integer painDuring;

    @Min(value = 0, message = "{note.pain.range}")
    @Max(value = 10, message = "{note.pain.range}")
    private Integer painAfter;

    @Size(max = 4000, message = "{field.tooLong}")
    private String findings;

    private Boolean sampleTaken;

    @Size(max = 100, message = "{field.tooLong}")
    private String sampleLabel;

    /** Whether there was an adverse event: only "yes" is one, whatever the description says. */
    private Boolean adverseEvent;

    @Size(max = 2000, message = "{field.tooLong}")
    private String adverseEvents;

    private Trend trend;

    @Size(max = 4000, message = "{field.tooLong}")
    private String freeText;

    /** The version the writer saw, so a concurrent edit is refused rather than overwritten. */
    private Long version;

    public static NoteForm of(NoteContent content, Long version) {
        NoteForm form = new NoteForm();
        form.durationMinutes = content.durationMinutes();
        form.position = content.position();
        form.route = content.route();
        form.technique = content.technique();
        form.intensity = content.intensity();
        form.tolerance = content.tolerance();
        form.painDuring = content.painDuring();
        form.painAfter = content.painAfter();
        form.findings = content.findings();
        form.sampleTaken = content.sampleTaken();
        form.sampleLabel = content.sampleLabel();
        form.adverseEvent = content.adverseEvent();
        form.adverseEvents = content.adverseEvents();
        form.trend = content.trend();
        form.freeText = content.freeText();
        form.version = version;
        return form;
    }

    public NoteContent toContent() {
        return new NoteContent(durationMinutes, position, route, technique, intensity, tolerance, painDuring, painAfter,
                findings, Boolean.TRUE.equals(sampleTaken), sampleLabel, Boolean.TRUE.equals(adverseEvent), adverseEvents, trend,
                freeText);
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public Position getPosition() {
        return position;
    }

    public void setPosition(Position position) {
        this.position = position;
    }

    public Route getRoute() {
        return route;
    }

    public void setRoute(Route route) {
        this.route = route;
    }

    public String getTechnique() {
        return technique;
    }

    public void setTechnique(String technique) {
        this.technique = technique;
    }

    public Intensity getIntensity() {
        return intensity;
    }

    public void setIntensity(Intensity intensity) {
        this.intensity = intensity;
    }

    public String getTolerance() {
        return tolerance;
    }

    public void setTolerance(String tolerance) {
        this.tolerance = tolerance;
    }

    public Integer getPainDuring() {
        return painDuring;
    }

    public void setPainDuring(Integer painDuring) {
        this.painDuring = painDuring;
    }

    public Integer getPainAfter() {
        return painAfter;
    }

    public void setPainAfter(Integer painAfter) {
        this.painAfter = painAfter;
    }

    public String getFindings() {
        return findings;
    }

    public void setFindings(String findings) {
        this.findings = findings;
    }

    public Boolean getSampleTaken() {
        return sampleTaken;
    }

    public void setSampleTaken(Boolean sampleTaken) {
        this.sampleTaken = sampleTaken;
    }

    public String getSampleLabel() {
        return sampleLabel;
    }

    public void setSampleLabel(String sampleLabel) {
        this.sampleLabel = sampleLabel;
    }

    public Boolean getAdverseEvent() {
        return adverseEvent;
    }

    public void setAdverseEvent(Boolean adverseEvent) {
        this.adverseEvent = adverseEvent;
    }

    public String getAdverseEvents() {
        return adverseEvents;
    }

    public void setAdverseEvents(String adverseEvents) {
        this.adverseEvents = adverseEvents;
    }

    public Trend getTrend() {
        return trend;
    }

    public void setTrend(Trend trend) {
        this.trend = trend;
    }

    public String getFreeText() {
        return freeText;
    }

    public void setFreeText(String freeText) {
        this.freeText = freeText;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
