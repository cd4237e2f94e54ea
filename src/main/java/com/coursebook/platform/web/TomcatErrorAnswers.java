package com.coursebook.platform.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report on the host (Spring Boot adds a plain
 * ErrorReportValve there; it is removed just before the host starts, and the host adds ours by class name).
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorAnswers {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (!(context.getParent() instanceof StandardHost host)) {
                return;
            }
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                }
            });
        });
    }
}
