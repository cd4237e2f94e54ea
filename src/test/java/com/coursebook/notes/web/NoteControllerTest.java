package com.coursebook.notes.web;

import java.util.List;

import com.coursebook.notes.NoteContent;
import com.coursebook.notes.NoteService;
import com.coursebook.notes.NoteStatus;
import com.coursebook.notes.NoteView;
import com.coursebook.notes.NoteWorkspace;
import com.coursebook.notes.Position;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.support.ScreenSliceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The note screen: saving and signing what was typed, refusals shown beside the fields, amendments. */
@ScreenSliceTest(value = NoteController.class, properties = ScreenSliceTest.VIEW_NAMES_ONLY)
class NoteControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    NoteService notes;

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("the note form starts from the workspace's content and the draft's version")
    void show() throws Exception {
        NoteContent started = new NoteContent(20, Position.KNEE_ELBOW, null, null, null, null, null, null, null,
                false, null, false, null, null, null);
        given(notes.workspace(eq(31L), any())).willReturn(workspace(draft(4L), started));
        mvc.perform(get("/sessions/31/note"))
                .andExpect(status().isOk())
                .andExpect(view().name("notes/note"))
                .andExpect(model().attribute("noteForm", hasProperty("durationMinutes", is(20))))
                .andExpect(model().attribute("noteForm", hasProperty("version", is(4L))))
                .andExpect(model().attributeExists("workspace", "amendmentForm"));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a draft is saved with what was typed and the version it builds on, then shown again saved")
    void saveDraft() throws Exception {
        mvc.perform(post("/sessions/31/note").with(csrf()).param("durationMinutes", "25").param("painAfter", "2")
                        .param("version", "4"))
                .andExpect(redirectedUrl("/sessions/31/note"))
                .andExpect(flash().attribute("message", "note.saved"));
        ArgumentCaptor<NoteContent> content = ArgumentCaptor.forClass(NoteContent.class);
        verify(notes).saveDraft(eq(31L), content.capture(), eq(4L));
        assertThat(content.getValue().durationMinutes()).isEqualTo(25);
        assertThat(content.getValue().painAfter()).isEqualTo(2);
        verify(notes, never()).saveAndSign(any(), any(), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("out-of-range pain is marked on the form and nothing is saved")
    void invalid() throws Exception {
        given(notes.workspace(eq(31L), any())).willReturn(workspace(null, NoteContent.EMPTY));
        mvc.perform(post("/sessions/31/note").with(csrf()).param("painDuring", "11").param("action", "sign"))
                .andExpect(status().isOk())
                .andExpect(view().name("notes/note"))
                .andExpect(model().attributeHasFieldErrors("noteForm", "painDuring"));
        verify(notes, never()).saveAndSign(any(), any(), any());
        verify(notes, never()).saveDraft(any(), any(), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("signing an incomplete note marks the missing field and keeps the saved draft's new version")
    void incompleteSignature() throws Exception {
        given(notes.saveAndSign(eq(31L), any(), eq(4L))).willThrow(
                new InvalidRequestException("painAfter", "note.painAfter.required") {
                    @Override
                    public String formCode() {
                        return "note.incomplete.draftKept";
                    }
                });
        given(notes.workspace(eq(31L), any())).willReturn(workspace(draft(5L), NoteContent.EMPTY));
        mvc.perform(post("/sessions/31/note").with(csrf()).param("action", "sign").param("version", "4"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("noteForm", "painAfter", "note.painAfter.required"))
                .andExpect(model().attribute("noteForm", hasProperty("version", is(5L))));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a save that lost a race with another edit is shown again with the reason, the version untouched")
    void staleVersion() throws Exception {
        given(notes.saveDraft(eq(31L), any(), eq(3L))).willThrow(new ConflictException("note.stale"));
        given(notes.workspace(eq(31L), any())).willReturn(workspace(draft(4L), NoteContent.EMPTY));
        mvc.perform(post("/sessions/31/note").with(csrf()).param("version", "3"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("noteForm"))
                .andExpect(model().attribute("noteForm", hasProperty("version", is(3L))));
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("an amendment without a reason goes back to its form with the errors and the text typed")
    void invalidAmendment() throws Exception {
        mvc.perform(post("/sessions/31/note/amendments").with(csrf()).param("text", "pain was 3, not 8"))
                .andExpect(redirectedUrl("/sessions/31/note#amendment-form"))
                .andExpect(flash().attribute("amendmentForm", hasProperty("text", is("pain was 3, not 8"))))
                .andExpect(flash().attributeExists("org.springframework.validation.BindingResult.amendmentForm"));
        verify(notes, never()).amendNoteOfSession(anyLong(), any(), any());
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("an amendment is added with its reason and text")
    void amend() throws Exception {
        mvc.perform(post("/sessions/31/note/amendments").with(csrf()).param("reason", "typo in pain score")
                        .param("text", "pain was 3, not 8"))
                .andExpect(redirectedUrl("/sessions/31/note#amendments"))
                .andExpect(flash().attribute("message", "note.amended"));
        verify(notes).amendNoteOfSession(31L, "typo in pain score", "pain was 3, not 8");
    }

    @Test
    @WithMockUser(roles = "CLINICIAN")
    @DisplayName("a signature the database refuses because the session was cancelled meanwhile (SQLSTATE 23S02) "
            + "brings the clinician back to the note with the reason, not an error page")
    void signatureRefusedByTheDatabase() throws Exception {
        given(notes.saveAndSign(eq(31L), any(), any())).willThrow(new org.springframework.dao
                .DataIntegrityViolationException("refused", new java.sql.SQLException("session 31 did not take place",
                        "23S02")));
        mvc.perform(post("/sessions/31/note").with(csrf()).param("action", "sign").param("durationMinutes", "5"))
                .andExpect(redirectedUrl("/sessions/31/note"))
                .andExpect(flash().attribute("problem", "note.session.notHeld.meanwhile"));
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    @DisplayName("reception can neither read nor write a note")
    void receptionForbidden() throws Exception {
        mvc.perform(get("/sessions/31/note")).andExpect(status().isForbidden());
        mvc.perform(post("/sessions/31/note").with(csrf()).param("durationMinutes", "25"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(notes);
    }

    private static NoteView draft(long version) {
        return new NoteView(77L, 31L, 3, NoteStatus.DRAFT, NoteContent.EMPTY, "dr.demidov", null, null, null, version,
                List.of());
    }

    private static NoteWorkspace workspace(NoteView note, NoteContent starting) {
        return new NoteWorkspace(null, null, "Orlov Ivan", null, note, null, starting, true);
    }
}
