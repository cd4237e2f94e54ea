package com.coursebook.platform;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of generated malformed and hostile inputs for every endpoint and form the application maps (enumerated
 * from the {@link RequestMappingHandlerMapping}, so endpoints added later are covered without a change here), sent
 * over real HTTP through Tomcat: per parameter huge, negative and non-numbers, NUL, long strings, SQL and HTML
 * fragments, dates out of range or impossible, unknown enum values; per JSON body every property given the wrong
 * shape, plus invalid JSON and wrong content types; per path NUL, encoded slashes, invalid UTF-8 and trailing
 * slashes; per form object (a POSTed form, or a search filter read from the query) each field; the error path
 * itself; and hostile Authorization headers (NUL in a Basic user name, huge, not Base64, other schemes). Asserted:
 * no 5xx; under /api every error is problem+json; no refused request (a 4xx, or a screen's form
 * shown again) changes the number of rows of any table. It runs in its own application context and database,
 * because accepted hostile inputs do change records (a program renamed "' OR '1'='1' --" is allowed text).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "coursebook.review.compact-every=PT24H", "coursebook.corpus.own-context=true" })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileInputCorpusTest {

    static final LocalDate SOON = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(20);

    static final String LONG = "x".repeat(5000);

    /** Audit actions that record access (reading, signing in, a refusal), not a change of data. */
    static final String ACCESS_RECORDS = "'VIEW', 'SEARCH', 'CHECK', 'EXPORT', 'VERIFY', 'SIGN_IN', 'SIGN_IN_FAILED', "
            + "'SIGN_OUT', 'DENIED'";

    static final List<String> NUMBERS = List.of("99999999999999999999", "-1", "abc", "1e309", "\0");

    static final List<String> BOOLEANS = List.of("maybe", "\0");

    static final List<String> DATES = List.of("+999999999-01-01", "0001-01-01", "2026-02-30", "\0");

    static final List<String> DATE_TIMES = List.of("+999999999-01-01T10:00", "0001-01-01T00:00", "2026-13-01T10:00",
            "2030-01-01T10:00+25:00", "10000-01-01T10:00Z");

    static final List<String> TIMES = List.of("25:00", "\0");

    static final List<String> ENUMS = List.of("NOT_A_VALUE", "\0");

    static final List<String> TEXTS = List.of("a\0b", LONG, "' OR '1'='1' --<script>alert(1)</script>{0}",
            "\r\n../../etc/passwd\uFFFF");

    /** Each JSON property in turn, as raw JSON. */
    static final List<String> JSON_VALUES = List.of("null", "\"a\\u0000b\"", "\"" + LONG + "\"", "1e400",
            "\"+999999999-01-01\"", "{}");

    /** Whole bodies, with their content type. */
    static final List<String[]> BODIES = List.of(new String[] { "application/json", "" },
            new String[] { "application/json", "{" }, new String[] { "application/json", "[]" },
            new String[] { "application/json", "null" }, new String[] { "application/json", "\"x\"" },
            new String[] { "application/json", "[".repeat(3000) + "]".repeat(3000) },
            new String[] { "application/json", "{\"a\":\"\\ud800\"}" },
            new String[] { "text/plain", "hello" }, new String[] { "application/xml", "<a/>" },
            new String[] { "application/x-www-form-urlencoded", "a=b" });

    /** Credentials as a client may send them: NUL, huge, not Base64, invalid UTF-8, no colon, other schemes. */
    static final List<String> AUTHORIZATIONS = List.of(basic("uro\0logist:demo"), basic("\0:\0"),
            basic("admin:demo\0"), basic(LONG + ":demo"), basic("no-colon"), "Basic !!!not-base64!!!", "Basic ",
            "Basic " + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xC3, 0x28, ':', 'x' }),
            basic("' OR '1'='1' --:x"), "Bearer " + LONG, "Bearer ' OR '1'='1", "Bearer", "Digest username=\"admin\"",
            "basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)) + "=");

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** Path mutations of each endpoint (the first {variable} replaced, or appended when there is none). */
    static final List<String> PATH_VALUES = List.of("%00", "%2F", "%C3%28", "a".repeat(20_000),
            "99999999999999999999");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    HttpClient http;

    final Map<String, HttpClient> screens = new LinkedHashMap<>();

    final Map<String, String> csrf = new LinkedHashMap<>();

    Map<String, Long> rows;

    String rowCountSql;

    int inputs;

    int clientErrors;

    int serverErrors;

    int partialWrites;

    int notProblems;

    int accepted;

    final List<String> faults = new ArrayList<>();

    final Set<String> faultKinds = new java.util.HashSet<>();

    Map<String, String> ids;

    /** Time spent per endpoint, to keep the run short. */
    final Map<String, Long> slowest = new LinkedHashMap<>();

    String endpoint;

    @Test
    @DisplayName("over 1,000 hostile inputs to every endpoint and form: no 5xx, problem+json for /api, no partial writes")
    void corpus() throws Exception {
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .build();
        // bcrypt on every HTTP Basic request would dominate the run: this context's own database takes plain passwords
        jdbc.sql("UPDATE app_user SET password_hash = '{noop}demo'").update();
        ids = ids();
        long started = System.nanoTime();
        rowCountSql = rowCountSql();
        // a first sign-in from an address is remembered (throttling's known addresses): not part of any request below
        for (String role : List.of("admin", "urologist")) {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalog/programs"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((role + ":demo").getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.discarding());
            screen(role);
        }
        rows = rows();
        int endpoints = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<String> patterns = mapping.getKey().getPatternValues();
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    endpoints++;
                    endpoint = method + " " + pattern;
                    attack(method.name(), pattern, mapping.getValue());
                }
            }
        }
        endpoint = "Authorization header";
        for (String target : List.of("/api/catalog/programs", "/patients", "/error")) {
            for (String authorization : AUTHORIZATIONS) {
                sendWith(authorization, target);
            }
        }
        System.out.printf("Hostile input corpus: %d endpoints, %d inputs, %d answered 4xx, %d accepted (2xx/3xx), "
                + "%d answered 5xx, %d partial writes, %d /api errors not problem+json, in %d s%n", endpoints, inputs,
                clientErrors, accepted, serverErrors, partialWrites, notProblems,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %5d ms in all: %s%n", e.getValue(), e.getKey()));
        assertThat(faults).as("faults (the first 40)").isEmpty();
        assertThat(inputs).isGreaterThanOrEqualTo(1000);
        assertThat(serverErrors).isZero();
        assertThat(partialWrites).isZero();
        assertThat(notProblems).isZero();
    }

    private void attack(String method, String pattern, HandlerMethod handler) throws Exception {
        Map<String, Type> query = new LinkedHashMap<>();
        Map<String, Type> path = new LinkedHashMap<>();
        Type body = null;
        Class<?> form = null;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
            if (pathVariable != null) {
                path.put(name(pathVariable.name(), pathVariable.value(), parameter), parameter.getGenericParameterType());
            }
            else if (requestParam != null) {
                query.put(name(requestParam.name(), requestParam.value(), parameter), parameter.getGenericParameterType());
            }
            else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = parameter.getGenericParameterType();
            }
            else if (isForm(parameter.getParameterType())
                    || (parameter.hasParameterAnnotation(ModelAttribute.class)
                            && parameter.getParameterType().getName().startsWith("com.coursebook")
                            && !BeanUtils.isSimpleProperty(parameter.getParameterType()))) {
                form = parameter.getParameterType();
            }
        }
        Map<String, String> basePath = new LinkedHashMap<>();
        path.forEach((name, type) -> basePath.put(name, idFor(pattern, name)));
        Map<String, String> baseQuery = new LinkedHashMap<>();
        query.forEach((name, type) -> baseQuery.put(name, valid(name, type)));
        Map<String, String> baseForm = new LinkedHashMap<>();
        if (form != null) {
            fields(form).forEach((name, type) -> baseForm.put(name, valid(name, type)));
        }
        String baseBody = body == null ? null : json(body, 0);

        // each query parameter, then each form field, then each path variable, in turn
        for (Map.Entry<String, Type> parameter : query.entrySet()) {
            for (String value : hostile(parameter.getValue())) {
                Map<String, String> params = new LinkedHashMap<>(baseQuery);
                params.put(parameter.getKey(), value);
                send(method, url(pattern, basePath, params), baseForm, baseBody, "application/json");
            }
        }
        if (form != null && method.equals("GET")) {
            // a form object read from the query (a search screen's filter): each of its fields in turn
            for (Map.Entry<String, Type> field : fields(form).entrySet()) {
                for (String value : hostile(field.getValue())) {
                    Map<String, String> params = new LinkedHashMap<>(baseQuery);
                    params.putAll(baseForm);
                    params.put(field.getKey(), value);
                    send(method, url(pattern, basePath, params), Map.of(), baseBody, "application/json");
                }
            }
        }
        if (form != null && method.equals("POST")) {
            for (Map.Entry<String, Type> field : fields(form).entrySet()) {
                for (String value : hostile(field.getValue())) {
                    Map<String, String> fields = new LinkedHashMap<>(baseForm);
                    fields.put(field.getKey(), value);
                    send(method, url(pattern, basePath, baseQuery), fields, null, null);
                }
            }
        }
        for (String value : PATH_VALUES) {
            send(method, mutatedPath(pattern, basePath, value) + queryString(baseQuery), baseForm, baseBody,
                    "application/json");
        }
        send(method, url(pattern, basePath, baseQuery) + (pattern.endsWith("/") ? "x" : "/"), baseForm, baseBody,
                "application/json");
        if (body != null) {
            Class<?> raw = raw(body);
            for (String property : properties(raw).keySet()) {
                for (String value : JSON_VALUES) {
                    send(method, url(pattern, basePath, baseQuery), Map.of(), replaceProperty(raw, property, value),
                            "application/json");
                }
            }
            for (String[] whole : BODIES) {
                send(method, url(pattern, basePath, baseQuery), Map.of(), whole[1], whole[0]);
            }
        }
    }

    private void send(String method, String target, Map<String, String> form, String body, String contentType)
            throws IOException, InterruptedException {
        boolean api = target.startsWith("/api");
        String role = role(method, target);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .timeout(Duration.ofSeconds(30)).header("Accept-Language", "en");
        }
        catch (IllegalArgumentException ex) {
            return; // a URI the client itself cannot send (Tomcat's side of those: MalformedRequestsTest)
        }
        HttpRequest.BodyPublisher publisher;
        if (api) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((role + ":demo").getBytes(StandardCharsets.UTF_8)));
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            if (body != null) {
                request.header("Content-Type", contentType);
            }
        }
        else {
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (!method.equals("GET")) {
                fields.put("_csrf", csrf(role));
            }
            publisher = HttpRequest.BodyPublishers.ofString(encode(fields), StandardCharsets.UTF_8);
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : publisher);
        HttpClient client = api ? http : screen(role);
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            // Tomcat closes the connection after refusing a request it could not read; a kept-alive connection the
            // client reuses then fails once: the same request again goes over a new connection
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        inputs++;
        slowest.merge(endpoint, (System.nanoTime() - sent) / 1_000_000, Long::sum);
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String shown = method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target)
                + (body != null && api ? " body " + (body.length() > 120 ? body.substring(0, 120) + "…" : body) : "");
        // a GET that was answered reads only (its audit line is a read, not counted): the next count will tell
        Map<String, Long> after = method.equals("GET") && status < 400 ? rows : rows();
        boolean refused = status >= 400 || (!api && !method.equals("GET") && status == 200);
        if (status >= 500) {
            serverErrors++;
            fault("5xx", status + " " + shown + " → " + response.body().substring(0, Math.min(200,
                    response.body().length())));
        }
        else if (status >= 400) {
            clientErrors++;
        }
        else {
            accepted++;
        }
        if (api && status >= 400 && !type.startsWith("application/problem+json")) {
            notProblems++;
            fault("type", "not problem+json: " + status + " " + type + " " + shown);
        }
        if (refused && !after.equals(rows)) {
            partialWrites++;
            fault("write", "refused (" + status + ") but rows changed: " + difference(rows, after) + " " + shown);
        }
        rows = after;
    }

    /** A request with the given Authorization header and no session: refused or answered, never a 5xx. */
    private void sendWith(String authorization, String target) throws IOException, InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .timeout(Duration.ofSeconds(30)).header("Accept-Language", "en")
                    .header("Authorization", authorization).build();
        }
        catch (IllegalArgumentException ex) {
            return; // a header value the client itself will not send
        }
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        inputs++;
        int status = response.statusCode();
        String shown = "GET " + target + " Authorization: "
                + (authorization.length() > 60 ? authorization.substring(0, 60) + "…" : authorization);
        if (status >= 500) {
            serverErrors++;
            fault("5xx " + authorization.hashCode(), status + " " + shown);
        }
        else if (status >= 400) {
            clientErrors++;
        }
        else {
            accepted++;
        }
        if (target.startsWith("/api") && status >= 400
                && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            notProblems++;
            fault("type", "not problem+json: " + status + " " + shown);
        }
        Map<String, Long> after = rows();
        if (!after.equals(rows)) {
            partialWrites++;
            fault("write", "rows changed: " + difference(rows, after) + " " + shown);
        }
        rows = after;
    }

    /** The first example of each kind of fault per endpoint, so one broken endpoint does not hide the others. */
    private void fault(String kind, String text) {
        if (faultKinds.add(kind + " " + endpoint) && faults.size() < 40) {
            faults.add(text.replace("\0", "\\0"));
        }
    }

    // ---- what to send ----

    private static List<String> hostile(Type type) {
        Class<?> raw = raw(type);
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
            return hostile(parameterized.getActualTypeArguments()[0]);
        }
        if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != boolean.class)) {
            return NUMBERS;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return BOOLEANS;
        }
        if (raw == LocalDate.class) {
            return DATES;
        }
        if (raw == LocalDateTime.class) {
            return DATE_TIMES;
        }
        if (raw == LocalTime.class) {
            return TIMES;
        }
        if (raw.isEnum()) {
            return ENUMS;
        }
        return TEXTS;
    }

    /** A plausible value, so that the one hostile value of a request is what the answer is about. */
    private String valid(String name, Type type) {
        Class<?> raw = raw(type);
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
            return valid(name, parameterized.getActualTypeArguments()[0]);
        }
        if (raw == LocalDate.class) {
            return SOON.toString();
        }
        if (raw == LocalDateTime.class) {
            return SOON + "T10:00";
        }
        if (raw == LocalTime.class) {
            return "10:00";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "false";
        }
        if (raw.isEnum()) {
            return ((Enum<?>) raw.getEnumConstants()[0]).name();
        }
        String lower = name.toLowerCase();
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            for (Map.Entry<String, String> id : ids.entrySet()) {
                if (lower.startsWith(id.getKey())) {
                    return id.getValue();
                }
            }
            return lower.contains("minutes") ? "40" : "1";
        }
        if (lower.contains("program") || lower.equals("code")) {
            return "PROSTATE_MASSAGE";
        }
        return "Test";
    }

    private String json(Type type, int depth) {
        Class<?> raw = raw(type);
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Type> property : properties(raw).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(property.getKey()).append("\":").append(jsonValue(property.getKey(),
                    property.getValue(), depth));
        }
        return json.append('}').toString();
    }

    private String jsonValue(String name, Type type, int depth) {
        Class<?> raw = raw(type);
        if (Collection.class.isAssignableFrom(raw)) {
            return "[]";
        }
        if (raw == String.class || raw.isEnum() || raw == LocalDate.class || raw == LocalDateTime.class
                || raw == LocalTime.class) {
            return "\"" + valid(name, type) + "\"";
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            return valid(name, type);
        }
        return depth > 2 || raw.getName().startsWith("java.") ? "null" : json(type, depth + 1);
    }

    private String replaceProperty(Class<?> type, String property, String value) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Type> each : properties(type).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(each.getKey()).append("\":")
                    .append(each.getKey().equals(property) ? value : jsonValue(each.getKey(), each.getValue(), 0));
        }
        return json.append('}').toString();
    }

    private static Map<String, Type> properties(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), component.getGenericType());
            }
            return properties;
        }
        if (type.getName().startsWith("java.") || type.isInterface()) {
            return properties;
        }
        return fields(type);
    }

    private static Map<String, Type> fields(Class<?> type) {
        Map<String, Type> fields = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    fields.putIfAbsent(field.getName(), field.getGenericType());
                }
            }
        }
        return fields;
    }

    private static boolean isForm(Class<?> type) {
        return type.getName().startsWith("com.coursebook") && !BeanUtils.isSimpleProperty(type) && !type.isInterface()
                && !type.isRecord() && (type.getSimpleName().endsWith("Form"));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    private static String name(String name, String value, MethodParameter parameter) {
        if (!name.isEmpty()) {
            return name;
        }
        if (!value.isEmpty()) {
            return value;
        }
        parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }

    // ---- where to send it ----

    /** A real record for each kind of path variable, by the path segment before it, so requests reach the code. */
    private String idFor(String pattern, String variable) {
        String before = pattern.substring(0, pattern.indexOf("{" + variable));
        String[] segments = before.split("/");
        String segment = segments.length == 0 ? "" : segments[segments.length - 1];
        if (variable.equals("patientId")) {
            segment = "patients";
        }
        if (variable.equals("table")) {
            return "months";
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (segment.startsWith(id.getKey())) {
                return id.getValue();
            }
        }
        return variable.equals("code") ? "PROSTATE_MASSAGE" : "1";
    }

    private Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("patient", first("SELECT min(patient_id) FROM course WHERE status = 'ACTIVE'"));
        ids.put("course", first("SELECT min(id) FROM course WHERE status = 'ACTIVE'"));
        ids.put("session", first("SELECT min(id) FROM course_session WHERE status = 'BOOKED'"));
        ids.put("note", first("SELECT min(id) FROM session_note"));
        ids.put("practitioner", first("SELECT practitioner_id FROM app_user WHERE username = 'urologist'"));
        ids.put("condition", first("SELECT min(id) FROM patient_condition"));
        ids.put("location", first("SELECT min(id) FROM location"));
        ids.put("room", first("SELECT min(id) FROM room"));
        ids.put("absence", first("SELECT min(id) FROM practitioner_absence"));
        ids.put("closure", first("SELECT min(id) FROM clinic_closure"));
        // the staff endpoints act on a login of their own, so the corpus never disables the ones it signs in with
        String target = first("INSERT INTO app_user (username, password_hash, display_name) "
                + "VALUES ('corpus-target', '{noop}demo', 'Corpus Target') RETURNING id");
        jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, 'RECEPTIONIST') ON CONFLICT DO NOTHING")
                .param(Long.valueOf(target)).update();
        ids.put("staff", target);
        ids.put("user", target);
        ids.put("contraindication", "ACUTE_PROSTATITIS");
        ids.put("program", "PROSTATE_MASSAGE");
        ids.put("catalog", "PROSTATE_MASSAGE");
        return ids;
    }

    private String first(String sql) {
        try {
            Object value = jdbc.sql(sql).query().singleValue();
            return value == null ? "1" : value.toString();
        }
        catch (org.springframework.dao.DataAccessException ex) {
            return "1";
        }
    }

    private static String role(String method, String target) {
        if (target.startsWith("/admin") || target.startsWith("/review") || target.startsWith("/api/reports")
                || target.startsWith("/api/admin") || (target.startsWith("/api/catalog") && !method.equals("GET"))) {
            return "admin";
        }
        return "urologist";
    }

    private static String url(String pattern, Map<String, String> path, Map<String, String> query) {
        return expand(pattern, path, null) + queryString(query);
    }

    private static String mutatedPath(String pattern, Map<String, String> path, String value) {
        return path.isEmpty() ? expand(pattern, path, null) + "/" + value : expand(pattern, path, value);
    }

    /** The pattern with its variables filled in ({name:regex} too); the first one replaced by {@code first} if given. */
    private static String expand(String pattern, Map<String, String> path, String first) {
        Matcher variable = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        while (variable.find()) {
            String value = first != null && !replaced ? first
                    : URLEncoder.encode(path.getOrDefault(variable.group(1), "1"), StandardCharsets.UTF_8);
            replaced = true;
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString().replace("/**", "").replace("/*", "/x");
    }

    private static String queryString(Map<String, String> query) {
        return query.isEmpty() ? "" : "?" + encode(query);
    }

    private static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    // ---- screens: a signed-in browser session per role ----

    private HttpClient screen(String role) throws IOException, InterruptedException {
        HttpClient client = screens.get(role);
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager())
                    .build();
            String login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", role, "password", "demo",
                            "_csrf", token(login)))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/patients/new"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            screens.put(role, client);
            csrf.put(role, token(page));
        }
        return client;
    }

    private String csrf(String role) throws IOException, InterruptedException {
        screen(role);
        return csrf.get(role);
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    // ---- rows of every table ----

    private String rowCountSql() {
        // Not counted: the records of access itself. Reading, signing in and being refused are recorded in the audit
        // trail (and bursts of them in its side tables), and sign-ins in throttling's tables: those are the record
        // of the refusal, not a write of what was refused.
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' "
                + "AND (table_name = 'audit_event' OR table_name NOT LIKE 'audit%') AND table_name NOT LIKE 'sign_in%' "
                + "ORDER BY 1")
                .query(String.class).list();
        return String.join(" UNION ALL ", tables.stream()
                .map(t -> "SELECT '" + t + "' AS t, count(*) AS n FROM \"" + t + "\""
                        + (t.equals("audit_event") ? " WHERE action NOT IN (" + ACCESS_RECORDS + ")" : ""))
                .toList());
    }

    private Map<String, Long> rows() {
        if (inputs % 250 == 0) {
            System.out.printf("corpus: %d inputs so far%n", inputs);
        }
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(rowCountSql).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder out = new StringBuilder();
        after.forEach((table, n) -> {
            if (!n.equals(before.get(table))) {
                out.append(table).append(' ').append(before.get(table)).append("→").append(n).append(' ');
            }
        });
        return out.toString().strip();
    }
}
