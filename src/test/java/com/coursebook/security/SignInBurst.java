package com.coursebook.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords for one login sent at once, over real HTTP (HTTP Basic, one thread per attempt, released together
 * by a latch), counting how many reached the password check: each wrong password that bcrypt checked publishes a
 * bad-credentials event, while an attempt the throttle refuses first publishes a locked one.
 */
final class SignInBurst {

    /** Results of one burst: answers by status, password checks, and how long it took from release to last answer. */
    record Outcome(Map<Integer, Integer> statuses, int checked, Duration took) {
    }

    private SignInBurst() {
    }

    /**
     * @param forwardedFor per attempt, the X-Forwarded-For header to send, or null for none
     */
    static Outcome run(ConfigurableApplicationContext context, int port, String name, int attempts,
            IntFunction<String> forwardedFor) throws Exception {
        return run(context, port, name, attempts, forwardedFor, i -> "wrong-" + i);
    }

    /**
     * @param password per attempt, the password to send
     */
    static Outcome run(ConfigurableApplicationContext context, int port, String name, int attempts,
            IntFunction<String> forwardedFor, IntFunction<String> password) throws Exception {
        AtomicInteger checked = new AtomicInteger();
        ApplicationListener<ApplicationEvent> counter = event -> {
            if (event instanceof AuthenticationFailureBadCredentialsEvent failure
                    && name.equals(failure.getAuthentication().getName())) {
                checked.incrementAndGet();
            }
        };
        context.addApplicationListener(counter);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(attempts);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String credentials = Base64.getEncoder()
                        .encodeToString((name + ":" + password.apply(i)).getBytes(StandardCharsets.UTF_8));
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/catalog/programs"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + credentials).GET();
                String forwarded = forwardedFor == null ? null : forwardedFor.apply(i);
                if (forwarded != null) {
                    request.header("X-Forwarded-For", forwarded);
                }
                HttpRequest built = request.build();
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    int status = http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads ready").isTrue();
            long start = System.nanoTime();
            go.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(90, TimeUnit.SECONDS)).as("the burst ends in time").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            for (Future<?> each : sent) {
                each.get(); // an exception in a thread fails the test
            }
            return new Outcome(Map.copyOf(statuses), checked.get(), took);
        }
        finally {
            threads.shutdownNow();
            context.removeApplicationListener(counter);
        }
    }

    /**
     * How many attempts one address may have checked for one account within {@code took}: the first 3, then one
     * after waits of 1, 2, 4 ... seconds (docs/security.md).
     */
    static int pairAllowance(Duration took) {
        double seconds = took.toMillis() / 1000.0;
        return 3 + (int) Math.floor(Math.log(seconds + 1) / Math.log(2));
    }
}
