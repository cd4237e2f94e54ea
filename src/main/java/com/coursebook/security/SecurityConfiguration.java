package com.coursebook.security;

import com.coursebook.security.internal.ApiTokenSignIn;
import com.coursebook.security.internal.PublicUrlRedirects;
import com.coursebook.security.internal.SessionEnded;
import com.coursebook.security.internal.SignInThrottledException;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Three filter chains, first match wins (docs/security.md):
 * <ol>
 * <li>{@link #apiWithCredentials}: {@code /api/**} requests that carry an Authorization header, which must sign
 * them in by itself (HTTP Basic, or an API token as Bearer). Stateless: no session is read or created, so a session
 * cookie sent along counts for nothing, and no CSRF token is needed, since a forged cross-site request cannot set
 * that header. Wrong credentials: 401, never the session's identity instead.</li>
 * <li>{@link #apiWithSession}: the rest of {@code /api/**}, the browser's session, with CSRF protection.</li>
 * <li>{@link #web}: the screens, with the login form.</li>
 * </ol>
 * Passwords and API tokens go through the throttled provider ({@code internal.ThrottledAuthenticationProvider}) in
 * every chain, so both raise the same authentication events (audited) and share the same throttle.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({ PublicUrlSettings.class, TrustedProxies.Settings.class })
public class SecurityConfiguration {

    /** Only what the app serves itself; no inline script or style, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** bcrypt today, with the {id} prefix so stored hashes can move to a stronger encoder later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security's authentication events (the audit trail listens to them), with a throttled refusal published as
     * a failure on a locked account: the publisher matches exception classes exactly, so it is named here.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(
                Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
        return events;
    }

    /**
     * Refusals published as events, by the URL rules and by method security alike: without this bean a method's
     * {@code @PreAuthorize} refuses silently, and the audit trail would miss those refusals.
     */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiWithCredentials(HttpSecurity http, ObjectProvider<StaffStandings> standings,
            MessageSource messages) throws Exception {
        ProblemResponses problems = new ProblemResponses(messages);
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.securityMatcher(new AndRequestMatcher(api, new RequestHeaderRequestMatcher(HttpHeaders.AUTHORIZATION)))
                .authorizeHttpRequests(SecurityConfiguration::apiRules)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .with(new ApiTokenSignIn(problems.unauthorized()), Customizer.withDefaults())
                .addFilterBefore(StaffSessionCheck.forApi(standings, problems), AuthorizationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiWithSession(HttpSecurity http, ObjectProvider<StaffStandings> standings,
            MessageSource messages) throws Exception {
        ProblemResponses problems = new ProblemResponses(messages);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(SecurityConfiguration::apiRules)
                .addFilterBefore(StaffSessionCheck.forApi(standings, problems), AuthorizationFilter.class)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, PublicUrlSettings site, ObjectProvider<StaffStandings> standings,
            ObjectProvider<LocaleResolver> locales) throws Exception {
        PublicUrlRedirects redirects = new PublicUrlRedirects(site.publicUrl());
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        signedIn.setDefaultTargetUrl("/");
        signedIn.setRedirectStrategy(redirects);
        SimpleUrlLogoutSuccessHandler signedOut = new SimpleUrlLogoutSuccessHandler();
        signedOut.setDefaultTargetUrl("/login?logout");
        signedOut.setRedirectStrategy(redirects);
        // The throttle's refusal says how long to wait (seconds; the page puts it in words); anything else: wrong.
        AuthenticationFailureHandler failed = (request, response, ex) -> redirects.sendRedirect(request, response,
                ex instanceof SignInThrottledException throttled
                        ? "/login?" + (throttled.accountLocked() ? "locked=" : "wait=") + throttled.seconds()
                        : "/login?error");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/today/**").hasRole("CLINICIAN")
                        .requestMatchers("/sessions/*/note", "/sessions/*/note/**").hasRole("CLINICIAN")
                        .requestMatchers("/review/**").hasRole("ADMIN")
                        .requestMatchers("/patients/**", "/courses/**", "/worklist/**", "/calendar/**", "/sessions/**")
                        .hasAnyRole("RECEPTIONIST", "CLINICIAN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(signedIn).failureHandler(failed).permitAll())
                .logout(logout -> logout.logoutSuccessHandler(signedOut).permitAll())
                // A session gone (a restart) or a stale form: the sign-in page says so, then back (docs/security.md).
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new SessionEnded(redirects))
                        .accessDeniedHandler(new SessionEnded(redirects)))
                .addFilterBefore(StaffSessionCheck.forScreens(standings, locales), AuthorizationFilter.class)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** Who may call what in the API, the same whichever way the caller signed in. */
    private static void apiRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                // Everyone reads the catalog; only an admin changes it.
                .requestMatchers(HttpMethod.GET, "/api/catalog/**").authenticated()
                .requestMatchers("/api/catalog/**").hasRole("ADMIN")
                .requestMatchers("/api/reports/**").hasRole("ADMIN")
                .requestMatchers("/api/users/**", "/api/admin/**").hasRole("ADMIN")
                .requestMatchers("/api/practitioners/*/sessions").hasAnyRole("RECEPTIONIST", "CLINICIAN")
                .requestMatchers("/api/practitioners/**").authenticated()
                .requestMatchers("/api/clinicians/**").hasRole("CLINICIAN")
                // Note content is for clinicians only; before the broader /api/sessions/** rule.
                .requestMatchers("/api/notes/**", "/api/sessions/*/notes", "/api/sessions/*/notes/**")
                .hasRole("CLINICIAN")
                .requestMatchers("/api/patients/**", "/api/courses/**", "/api/worklist/**", "/api/sessions/**")
                .hasAnyRole("RECEPTIONIST", "CLINICIAN")
                // Everyone's own API tokens (/api/tokens) and the rest: any signed-in user.
                .anyRequest().authenticated();
    }

    /** Screens and API alike: the content policy, and no full URL (with ids in it) leaked as a referrer. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
