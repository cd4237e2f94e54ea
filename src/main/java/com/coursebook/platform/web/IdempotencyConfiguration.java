package com.coursebook.platform.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Safe retries for the booking acts ({@link IdempotentRequests}), registered as a servlet filter after security. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotentRequests idempotentRequests(JdbcClient jdbc, MessageSource messages, LocaleResolver locales,
            JsonMapper json) {
        return new IdempotentRequests(jdbc, messages, locales, json);
    }
}
