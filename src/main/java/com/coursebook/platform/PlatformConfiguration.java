package com.coursebook.platform;

import java.time.Clock;
import java.util.Locale;

import com.coursebook.shared.ClinicClock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClinicProperties.class)
class PlatformConfiguration implements WebMvcConfigurer {

    /** The words of every screen and answer, from messages*.properties, as ICU message formats (plurals). */
    @Bean
    static MessageSource messageSource() {
        return new IcuMessageSource("messages");
    }

    @Bean
    ClinicClock clinicClock(ClinicProperties properties) {
        return new ClinicClock(Clock.system(properties.zone()));
    }

    /**
     * Bean validation judges @PastOrPresent and @Future by the clinic's date, not the server's: between midnight in
     * the clinic and midnight on the server, today's examination would otherwise read as one in the future.
     */
    @Bean
    ValidationConfigurationCustomizer clinicDatesForValidation(ClinicClock clock) {
        return configuration -> configuration.clockProvider(clock::clock);
    }

    /** The language chosen with ?lang=ru|en sticks for the browser; otherwise the browser's own choice. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("coursebook-lang");
        resolver.setDefaultLocaleFunction(request -> {
            Locale requested = request.getLocale();
            return requested != null && "ru".equals(requested.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
