package com.coursebook.audit;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An anonymous flood of failed sign-ins (made-up names from one address) does not grow the permanent, chained audit
 * trail: past a few lines per address and minute, failures are only counted, one row per name, address and minute
 * ({@code audit_sign_in_failure}), and the counts are on the admin's sign-in page.
 */
@IntegrationTest
class SignInFloodAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    @DisplayName("300 made-up names from one address: the chain gains a bounded number of lines, every attempt is "
            + "counted, and the admin sees the counts")
    void madeUpNamesDoNotFloodTheChain() throws Exception {
        String prefix = "flood" + System.nanoTime() + "-";
        String address = "192.0.2." + (1 + (int) (System.nanoTime() % 250));
        long chainBefore = chainLength();
        for (int i = 0; i < 300; i++) {
            mvc.perform(get("/api/catalog/programs").with(httpBasic(prefix + i, "guess-" + i)).with(from(address)))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(401, 429));
        }
        long chained = jdbc.sql("SELECT count(*) FROM audit_event WHERE actor LIKE ?").param(prefix + "%")
                .query(Long.class).single();
        // At most 10 chained lines per address and minute; a slow machine may spread the 300 over a few minutes.
        long minutes = jdbc.sql("SELECT count(DISTINCT minute) FROM audit_sign_in_failure WHERE address = ?")
                .param(address).query(Long.class).single();
        assertThat(chained).as("chained lines for the made-up names, over %d minute(s)", minutes)
                .isBetween(1L, SignInFailures.CHAINED_PER_ADDRESS * minutes);
        assertThat(chainLength() - chainBefore).as("the chain's growth")
                .isLessThanOrEqualTo(SignInFailures.CHAINED_PER_ADDRESS * minutes + 5);
        // Every attempt counted: wrong passwords, and those the throttle refused before the check.
        assertThat(jdbc.sql("SELECT coalesce(sum(failures + throttled), 0) FROM audit_sign_in_failure "
                + "WHERE account LIKE ? AND address = ?").params(prefix + "%", address).query(Long.class).single())
                .isEqualTo(300);
        assertThat(jdbc.sql("SELECT count(DISTINCT account) FROM audit_sign_in_failure WHERE account LIKE ?")
                .param(prefix + "%").query(Long.class).single()).isEqualTo(300);

        mvc.perform(get("/admin/sign-in").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(address)))
                .andExpect(content().string(containsString("300 names")));
        jdbc.sql("DELETE FROM sign_in_throttle WHERE address = ?").param(address).update();
    }

    private long chainLength() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            ((MockHttpServletRequest) request).setRemoteAddr(address);
            return request;
        };
    }
}
