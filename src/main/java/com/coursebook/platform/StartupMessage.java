package com.coursebook.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line once the app is ready: which address to open, and the demo logins when the demo data is there. */
@Component
class StartupMessage {

    private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

    private final ObjectProvider<DemoData> demoData;

    StartupMessage(ObjectProvider<DemoData> demoData) {
        this.demoData = demoData;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String address = "http://localhost:" + web.getWebServer().getPort() + "/";
        if (demoData.getIfAvailable() != null) {
            log.info("CourseBook is ready: open {} and sign in as {} (password '{}')", address,
                    String.join(", ", DemoData.LOGINS), DemoData.PASSWORD);
        }
        else {
            log.info("CourseBook is ready: open {}", address);
        }
    }
}
