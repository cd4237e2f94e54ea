package com.coursebook.security.internal;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks an {@link ApiTokenAuthentication}: a token of ours, not revoked, not expired, whose owner may sign in (the
 * same account checks a password gets). Not a bean of its own: {@link ThrottledAuthenticationProvider} runs it behind
 * the same throttle as passwords, and the authentication manager publishes its success and failure events.
 */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;

    private final UserDetailsService users;

    private final UserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

    ApiTokenAuthenticationProvider(ApiTokens tokens, UserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = SignInThrottle.address(attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null);
        ApiTokens.Use use = tokens.use(String.valueOf(attempt.getCredentials()), address)
                .orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired API token"));
        UserDetails owner;
        try {
            owner = users.loadUserByUsername(use.owner());
        }
        catch (UsernameNotFoundException ex) {
            throw new BadCredentialsException("The API token's login is gone", ex);
        }
        accountStatus.check(owner); // a disabled login: DisabledException, published as such
        return ApiTokenAuthentication.authenticated(owner, use.tokenId(), attempt.getDetails());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
