package com.coursebook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CourseBookApplication {

    public static void main(String[] args) {
        SpringApplication.run(CourseBookApplication.class, args);
    }
}
