# CourseBook image: built from source, run as a non-root user against an external PostgreSQL
# (see docker-compose.yml and docs/operations.md).

# ---- build
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src src
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests package \
    && cp target/coursebook-*.jar /build/app.jar

# ---- run
FROM eclipse-temurin:17-jre
# curl is only for the health check in docker-compose.yml.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system coursebook \
    && useradd --system --gid coursebook --home-dir /app --shell /usr/sbin/nologin coursebook
WORKDIR /app
COPY --from=build /build/app.jar app.jar
# Writable only for a run without SPRING_DATASOURCE_URL, where the app keeps an embedded database in ./data.
RUN mkdir data && chown coursebook:coursebook data
USER coursebook
# The JVM sizes its heap from the container's memory limit; its default (25%) is too small for a single-app container.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
