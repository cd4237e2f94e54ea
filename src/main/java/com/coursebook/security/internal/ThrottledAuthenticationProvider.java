package com.coursebook.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password, for the login form and HTTP Basic alike, and API tokens ({@link ApiTokenAuthentication}),
 * behind the {@link SignInThrottle}: each attempt is reserved (counted) before bcrypt or the token look-up runs, or
 * refused without counting if it must wait; a wrong password or an unknown token leaves the count standing, a right
 * one takes it back and clears its address's count. Being the application's one {@link AuthenticationProvider}
 * bean, Spring Security builds the global authentication manager from it (and still publishes its success and
 * failure events).
 */
@Component
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;

    private final ApiTokenAuthenticationProvider tokens;

    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
            ApiTokens tokens) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.tokens = new ApiTokenAuthenticationProvider(tokens, users);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = SignInThrottle.account(attempt.getName());
        String address = SignInThrottle.address(attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null);
        SignInThrottle.Attempt reserved = throttle.reserve(account, address);
        Authentication signedIn;
        try {
            // A token attempt has no account name: it is counted against its address only.
            signedIn = (tokens.supports(attempt.getClass()) ? tokens : passwords).authenticate(attempt);
        }
        catch (InternalAuthenticationServiceException ex) { // no answer (the database went away): no attempt made
            throttle.released(reserved);
            throw ex;
        }
        catch (AuthenticationException ex) { // a wrong password, an unknown name or token, a disabled login
            throttle.failed(reserved);
            throw ex;
        }
        catch (RuntimeException ex) {
            throttle.released(reserved);
            throw ex;
        }
        throttle.succeeded(reserved);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
                || tokens.supports(authentication);
    }
}
