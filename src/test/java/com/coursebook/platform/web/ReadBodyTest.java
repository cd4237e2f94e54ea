package com.coursebook.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The request whose body the idempotency filter read to fingerprint it is handed on whole, to blocking and async readers. */
class ReadBodyTest {

    private static final String BODY = "{\"patientId\":41,\"sessionCount\":8}";

    private static IdempotentRequests.ReadBody request() throws Exception {
        MockHttpServletRequest original = new MockHttpServletRequest("POST", "/api/courses");
        original.setContent(BODY.getBytes(StandardCharsets.UTF_8));
        return new IdempotentRequests.ReadBody(original);
    }

    @Test
    @DisplayName("a blocking reader gets the whole body, as often as it asks")
    void blocking() throws Exception {
        IdempotentRequests.ReadBody request = request();
        assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(request.getReader().readLine()).isEqualTo(BODY);
    }

    @Test
    @DisplayName("a non-blocking reader is told the data is there, reads all of it, and is told it has all of it")
    void nonBlocking() throws Exception {
        ServletInputStream in = request().getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        List<String> calls = new ArrayList<>();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws java.io.IOException {
                calls.add("available");
                byte[] buffer = new byte[8];
                while (in.isReady() && !in.isFinished()) {
                    int n = in.read(buffer);
                    read.write(buffer, 0, n);
                }
            }

            @Override
            public void onAllDataRead() {
                calls.add("all read");
            }

            @Override
            public void onError(Throwable failure) {
                calls.add("error");
            }
        });
        assertThat(calls).containsExactly("available", "all read");
        assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo(BODY);
    }
}
