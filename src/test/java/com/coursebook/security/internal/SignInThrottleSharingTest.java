package com.coursebook.security.internal;

import javax.sql.DataSource;

import com.coursebook.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The throttle keeps nothing in memory: a second instance of it (as in a second copy of the application) on the same
 * database sees the failures the first counted, and the lock it set.
 */
@IntegrationTest
class SignInThrottleSharingTest {

    @Autowired
    SignInThrottle first;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("failures counted by one instance lock the account for another; unlocking clears it for both")
    void shared() {
        SignInThrottle second = new SignInThrottle(JdbcClient.create(dataSource), new JdbcTransactionManager(dataSource));
        String account = "sharing-" + System.nanoTime();
        for (int i = 0; i < SignInThrottle.ACCOUNT_LOCK_AFTER; i++) {
            fail(i % 2 == 0 ? first : second, account, "192.0.2." + (i + 1)); // one failure per address
        }
        assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE account = ? AND address = ''").param(account)
                .query(Integer.class).single()).isEqualTo(SignInThrottle.ACCOUNT_LOCK_AFTER);
        assertThatThrownBy(() -> second.reserve(account, "192.0.2.200")).isInstanceOf(SignInThrottledException.class)
                .satisfies(ex -> assertThat(((SignInThrottledException) ex).accountLocked()).isTrue());
        assertThatThrownBy(() -> first.reserve(account, "192.0.2.201")).isInstanceOf(SignInThrottledException.class);
        assertThat(second.locks()).anySatisfy(lock -> {
            assertThat(lock.account()).isEqualTo(account);
            assertThat(lock.accountLock()).isTrue();
            assertThat(lock.others()).isEqualTo(SignInThrottle.ACCOUNT_LOCK_AFTER);
            assertThat(lock.latestOther()).isEqualTo("192.0.2." + SignInThrottle.ACCOUNT_LOCK_AFTER);
        });
        assertThat(first.unlockAccount(account)).isTrue();
        second.succeeded(second.reserve(account, "192.0.2.202")); // no exception: unlocked
    }

    @Test
    @DisplayName("an attempt refused during a wait is not counted, so a colleague's retries do not lock the account")
    void refusedDoesNotCount() {
        String account = "hammer-" + System.nanoTime();
        String address = "192.0.2.250";
        for (int i = 0; i < SignInThrottle.PAIR_DELAY_AFTER; i++) {
            fail(first, account, address);
        }
        for (int i = 0; i < 9; i++) {
            assertThatThrownBy(() -> first.reserve(account, address)).isInstanceOf(SignInThrottledException.class);
        }
        assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE account = ? AND address = ''")
                .param(account).query(Integer.class).single()).isEqualTo(SignInThrottle.PAIR_DELAY_AFTER);
        first.unlockAccount(account);
    }

    @Test
    @DisplayName("reservations whose check never answered (the database died under them) are released, or once "
            + "abandoned hold nobody back: the next right password is checked at once")
    void abandonedReservationsHoldNobody() {
        String account = "abandoned-" + System.nanoTime();
        String address = "192.0.2.247";
        first.released(first.reserve(account, address));
        assertThat(jdbc.sql("SELECT failures + pending FROM sign_in_throttle WHERE account = ? AND address = ''")
                .param(account).query(Integer.class).single()).isZero();
        for (int i = 0; i < SignInThrottle.PAIR_DELAY_AFTER; i++) {
            first.reserve(account, address); // never answered, and the release failed too
        }
        jdbc.sql("UPDATE sign_in_throttle SET reserved_at = now() - interval '1 minute' WHERE account = ? OR address = ?")
                .params(account, address).update();
        long start = System.nanoTime();
        first.succeeded(first.reserve(account, address));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(SignInThrottle.IN_FLIGHT_WAIT);
        first.unlockAccount(account);
        first.unlockAddress(address);
    }

    @Test
    @DisplayName("a right password takes its reservation back: the counts are as before the attempt")
    void successTakesTheReservationBack() {
        String account = "back-" + System.nanoTime();
        String address = "192.0.2.249";
        fail(first, account, "192.0.2.248");
        first.succeeded(first.reserve(account, address));
        assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE account = ? AND address = ''")
                .param(account).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE account = ? AND address = ?")
                .params(account, address).query(Long.class).single()).isZero();
        first.unlockAccount(account);
    }

    private static void fail(SignInThrottle throttle, String account, String address) {
        throttle.failed(throttle.reserve(account, address));
    }

    @Test
    @DisplayName("counts whose window, wait and lock have passed are forgotten; current ones are kept")
    void purge() {
        String old = "purge-old-" + System.nanoTime();
        String recent = "purge-recent-" + System.nanoTime();
        fail(first, old, "192.0.2.240");
        fail(first, recent, "192.0.2.241");
        jdbc.sql("UPDATE sign_in_throttle SET window_started_at = now() - interval '1 hour', "
                + "last_failure_at = now() - interval '1 hour' WHERE account = ?").param(old).update();
        assertThat(first.purgeExpired()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE account = ?").param(old).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE account = ?").param(recent).query(Long.class)
                .single()).isEqualTo(2);
    }
}
