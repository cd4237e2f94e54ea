package com.coursebook.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's chart library is the file taken from the npm package, untouched, past the tooltip XSS of < 5.5.1. */
class EchartsVersionTest {

    static final String FILE = "static/js/vendor/echarts-5.6.0.min.js";

    @Test
    @DisplayName("the served ECharts is 5.5.1 or later, byte for byte the npm package's dist file, and the dashboard loads it")
    void servedEcharts() throws IOException, NoSuchAlgorithmException {
        byte[] file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FILE)) {
            assertThat(in).as(FILE).isNotNull();
            file = in.readAllBytes();
        }
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo("bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1");
        Matcher version = Pattern.compile("\\.version=\"(\\d+)\\.(\\d+)\\.(\\d+)\"")
                .matcher(new String(file, StandardCharsets.UTF_8));
        assertThat(version.find()).isTrue();
        int[] v = { Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)),
                Integer.parseInt(version.group(3)) };
        assertThat(v[0] * 10_000 + v[1] * 100 + v[2]).as("ECharts version").isGreaterThanOrEqualTo(50_501);
        assertThat(Files.readString(Path.of("src/main/resources/templates/review/dashboard.html")))
                .contains("/js/vendor/echarts-5.6.0.min.js").doesNotContain("webjars/echarts");
    }
}
