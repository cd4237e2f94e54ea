package com.coursebook.security;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Which proxies' {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Tomcat believes: only those named in
 * {@code coursebook.trusted-proxies}, none by default. Tomcat's own default trusts any loopback or private address,
 * so a client on the proxy's network (or on the same host) could name its own address in X-Forwarded-For: escape the
 * per-address sign-in limit, or lock a user out at the user's known address with one forged failure. The valve Boot
 * adds for {@code server.forward-headers-strategy=native} is given exactly the configured addresses (as CIDR blocks,
 * which Tomcat matches as addresses rather than as a regular expression); anything that is no address stops the start.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatWebServerFactory> {

    /** Digits, hex digits, dots and colons, with an optional prefix length: no host name, which would need DNS. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

    private final String cidrs;

    TrustedProxies(Settings settings) {
        this.cidrs = cidrs(settings.trustedProxies());
    }

    /**
     * {@code coursebook.trusted-proxies}: addresses or CIDR blocks, e.g. {@code 172.30.80.1} or {@code 10.0.0.0/24,
     * ::1}. Empty: no proxy is trusted, and forwarded headers are ignored.
     */
    @ConfigurationProperties("coursebook")
    record Settings(List<String> trustedProxies) {

        Settings {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }
    }

    /** The list for Tomcat: each entry checked and written as a CIDR block ({@code /32} or {@code /128} for one). */
    static String cidrs(List<String> proxies) {
        return String.join(",", proxies.stream().map(String::strip).filter(proxy -> !proxy.isEmpty()).map(proxy -> {
            if (!ADDRESS.matcher(proxy).matches()) {
                throw new IllegalArgumentException("coursebook.trusted-proxies: '" + proxy
                        + "' is no IP address or CIDR block (such as 172.30.80.1 or 10.0.0.0/24)");
            }
            String cidr = proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32");
            new NetMask(cidr); // refuses what is not an address, or a prefix too long for it
            return cidr;
        }).toList());
    }

    @Override
    public void customize(TomcatWebServerFactory factory) {
        factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    valve.setInternalProxies(cidrs); // empty: none
                    valve.setTrustedProxies(null);
                });
    }
}
