package com.coursebook.security.internal;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An API token presented as {@code Authorization: Bearer}: before the check, only the token (no name: it is nobody
 * yet, and the token itself is never a name that could reach a log or the audit trail); after it, the token's owner
 * with their roles, and which token it was.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final Object principal;

    private String presented;

    private final long tokenId;

    private ApiTokenAuthentication(String presented) {
        super((Collection<? extends GrantedAuthority>) null);
        this.principal = "";
        this.presented = presented;
        this.tokenId = 0;
        setAuthenticated(false);
    }

    private ApiTokenAuthentication(UserDetails owner, long tokenId) {
        super(owner.getAuthorities());
        this.principal = owner;
        this.presented = null;
        this.tokenId = tokenId;
        super.setAuthenticated(true);
    }

    /** The token as the request presented it, to be checked. */
    static ApiTokenAuthentication unauthenticated(String presented) {
        return new ApiTokenAuthentication(presented);
    }

    /** The owner of a token that checked out. */
    static ApiTokenAuthentication authenticated(UserDetails owner, long tokenId, Object details) {
        ApiTokenAuthentication signedIn = new ApiTokenAuthentication(owner, tokenId);
        signedIn.setDetails(details);
        return signedIn;
    }

    /** Whether the current request signed in with an API token (which may not make another). */
    public static boolean isToken(org.springframework.security.core.Authentication authentication) {
        return authentication instanceof ApiTokenAuthentication;
    }

    public long tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return presented;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Only the token check signs a token in");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        presented = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiTokenAuthentication that && super.equals(that) && tokenId == that.tokenId;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Long.hashCode(tokenId);
    }
}
