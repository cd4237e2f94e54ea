package com.coursebook.security.web;

import java.time.LocalDateTime;
import java.util.List;

import com.coursebook.security.internal.SignInThrottle;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.InvalidRequestException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For admins (/api/admin/**): who is locked or made to wait after failed sign-ins, and unlocking them. */
@RestController
@RequestMapping("/api/admin/sign-in-locks")
class SignInLockApiController {

    private static final Logger log = LoggerFactory.getLogger(SignInLockApiController.class);

    private final SignInThrottle throttle;

    private final ClinicClock clock;

    SignInLockApiController(SignInThrottle throttle, ClinicClock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * One lock: an account (address null), an address (account null) or the pair; until when (local time); its
     * cause: for an account, how many addresses failed against it, for an address, how many names it failed with
     * (null otherwise), and the latest of them.
     */
    record LockAnswer(String account, String address, int failures, LocalDateTime lastFailure, LocalDateTime until,
            Integer addresses, Integer names, String latest) {
    }

    @GetMapping
    List<LockAnswer> locks() {
        return throttle.locks().stream().map(lock -> new LockAnswer(lock.account().isEmpty() ? null : lock.account(),
                lock.address().isEmpty() ? null : lock.address(), lock.failures(), clock.toLocal(lock.lastFailure()),
                clock.toLocal(lock.until()), lock.accountLock() ? lock.others() : null,
                lock.addressLock() ? lock.others() : null, lock.latestOther())).toList();
    }

    /** Unlocks an account (and every address's count against it) or an address (and its counts on every account). */
    @DeleteMapping
    ResponseEntity<Void> unlock(@RequestParam(required = false) String account,
            @RequestParam(required = false) String address) {
        boolean byAccount = account != null && !account.isBlank();
        boolean byAddress = address != null && !address.isBlank();
        if (byAccount == byAddress) {
            throw new InvalidRequestException("account", "signIn.unlock.which");
        }
        if (byAccount) {
            throttle.unlockAccount(account);
        }
        else {
            throttle.unlockAddress(address);
        }
        log.info("Sign-in unlocked for {} {}", byAccount ? "account" : "address",
                (byAccount ? account : address).replaceAll("\\p{Cntrl}", "?"));
        return ResponseEntity.noContent().build();
    }
}
