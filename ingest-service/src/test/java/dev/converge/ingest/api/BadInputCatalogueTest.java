package dev.converge.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests, one row each: every one gets its documented status with a JSON body carrying a
 * {@code code} and a human message (and file:line:column where a state file is at fault), and none leaves a
 * submission or an outbox row behind. Shares the profile and resources of {@link SubmissionApiTest} so that
 * Quarkus is started once for both.
 */
@QuarkusTest
@TestProfile(IngestTestProfile.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "db-prefix", value = "ck_ingest_"))
class BadInputCatalogueTest {
    private static final String CI = IngestTestProfile.CI;
    private static final String TABLE = "CREATE TABLE hr.employees (id bigint PRIMARY KEY);\n";
    /** Submitted once (lazily) so that a replay of its key with another body can be refused. */
    private static final String SEEDED_KEY = "catalogue-" + UUID.randomUUID();
    private static boolean seeded;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> dbPassword;

    /**
     * One request and what it must answer. {@code authorization} is the whole header; {@code where} is "file:line:column"
     * of the first detail, or null; {@code mentions} is text the message must contain (e.g. the parameter's name), or null.
     */
    record Bad(String method, String path, String authorization, String contentType, String body, String idempotencyKey,
               int status, String code, String where, String mentions) {
        Bad(String method, String path, String authorization, String contentType, String body, String idempotencyKey,
            int status, String code, String where) {
            this(method, path, authorization, contentType, body, idempotencyKey, status, code, where, null);
        }

        Bad mentioning(String text) {
            return new Bad(method, path, authorization, contentType, body, idempotencyKey, status, code, where, text);
        }
    }

    private static String bearer(String token) {
        return token == null ? null : "Bearer " + token;
    }

    private static Bad post(String token, String body, int status, String code) {
        return new Bad("POST", "/v1/projects/hr/submissions", bearer(token), "application/json", body, null, status, code, null);
    }

    private static Bad post(String body, int status, String code) {
        return post(CI, body, status, code);
    }

    private static Bad stateFile(String sql, String where) {
        return new Bad("POST", "/v1/projects/hr/submissions", bearer(CI), "application/json", files(file("schemas/evil.sql", sql)),
                null, 422, "STATE_FILE_INVALID", where);
    }

    private static Bad get(String token, String path, int status, String code) {
        return new Bad("GET", path, bearer(token), null, null, null, status, code, null);
    }

    private static Map<String, Object> file(String path, String content) {
        return Map.of("path", path, "content", content);
    }

    @SafeVarargs
    private static String files(Map<String, Object>... files) {
        return Json.encode(Map.of("mode", "CHECK", "files", List.of(files)));
    }

    private static String manyFiles(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(file("f/" + i + ".sql", "-- " + i + "\n"));
        }
        return Json.encode(Map.of("mode", "CHECK", "files", out));
    }

    private static Arguments row(String name, Bad bad) {
        return Arguments.of(Named.of(name, bad));
    }

    static Stream<Arguments> catalogue() {
        String ok = files(file("a.sql", TABLE));
        String latin1 = Base64.getEncoder().encodeToString("-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        String deepPath = "a/".repeat(600) + "x.sql";
        return Stream.of(
                // authentication and authorization
                row("no Authorization header", post(null, ok, 401, "UNAUTHENTICATED")),
                row("Basic instead of Bearer", new Bad("POST", "/v1/projects/hr/submissions", "Basic Y2k6Y2k=", "application/json",
                        ok, null, 401, "UNAUTHENTICATED", null)),
                row("Bearer without a token", new Bad("POST", "/v1/projects/hr/submissions", "Bearer ", "application/json",
                        ok, null, 401, "UNAUTHENTICATED", null)),
                row("unknown token", post("expired-or-revoked-token", ok, 401, "UNAUTHENTICATED")),
                row("token with extra words", post(CI + " extra", ok, 401, "UNAUTHENTICATED")),
                row("viewer token submitting", post(IngestTestProfile.VIEWER, ok, 403, "FORBIDDEN")),
                // project
                row("unknown project", new Bad("POST", "/v1/projects/payroll/submissions", bearer(CI), "application/json", ok, null,
                        404, "UNKNOWN_PROJECT", null)),
                row("project name in another case", new Bad("POST", "/v1/projects/HR/submissions", bearer(CI), "application/json", ok,
                        null, 404, "UNKNOWN_PROJECT", null)),
                // JSON shape
                row("truncated JSON", post("{\"mode\": \"CHECK\", \"files\": [", 400, "MALFORMED_JSON")),
                row("not JSON at all", post("mode=CHECK&files=a.sql", 400, "MALFORMED_JSON")),
                row("a second object after the submission", post(ok + "\n{\"mode\":\"ROLLOUT\"}", 400, "MALFORMED_JSON")
                        .mentioning("send exactly one JSON value")),
                row("words after the submission", post(ok + " thanks", 400, "MALFORMED_JSON")),
                row("empty body", post("", 400, "INVALID_REQUEST")),
                row("JSON null", post("null", 400, "INVALID_REQUEST")),
                row("JSON array instead of object", post("[]", 400, "INVALID_REQUEST")),
                row("JSON string instead of object", post("\"CHECK\"", 400, "INVALID_REQUEST")),
                row("deeply nested JSON", post("{\"mode\":\"CHECK\",\"files\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                        400, "INVALID_REQUEST")),
                row("mode missing", post("{\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}]}", 400, "INVALID_REQUEST")),
                row("mode unknown", post("{\"mode\":\"DEPLOY\",\"files\":[]}", 400, "INVALID_REQUEST")
                        .mentioning("'DEPLOY' is not one of [CHECK, ROLLOUT]")),
                row("mode a number (an enum's ordinal)", post("{\"mode\":1,\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}]}",
                        400, "INVALID_REQUEST").mentioning("mode")),
                row("mode a numeric string", post("{\"mode\":\"0\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}]}",
                        400, "INVALID_REQUEST").mentioning("mode")),
                row("mode an array", post("{\"mode\":[\"CHECK\"],\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}]}", 400, "INVALID_REQUEST")),
                row("files missing", post("{\"mode\":\"CHECK\"}", 400, "EMPTY_FILE_SET")),
                row("files empty", post("{\"mode\":\"CHECK\",\"files\":[]}", 400, "EMPTY_FILE_SET")),
                row("files a string", post("{\"mode\":\"CHECK\",\"files\":\"schemas/a.sql\"}", 400, "INVALID_REQUEST")),
                row("file entry a number", post("{\"mode\":\"CHECK\",\"files\":[42]}", 400, "INVALID_REQUEST")),
                row("file entry null", post("{\"mode\":\"CHECK\",\"files\":[null]}", 400, "INVALID_PATH")),
                row("path an object", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":{},\"content\":\"\"}]}", 400, "INVALID_REQUEST")),
                row("targets a string", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],\"targets\":\"demo/hr_test\"}",
                        400, "INVALID_REQUEST")),
                row("content and contentBase64 both", post(files(Map.of("path", "a.sql", "content", TABLE, "contentBase64", "AA==")),
                        400, "INVALID_CONTENT")),
                row("neither content nor contentBase64", post(files(Map.of("path", "a.sql")), 400, "INVALID_CONTENT")),
                row("contentBase64 not base64", post(files(Map.of("path", "a.sql", "contentBase64", "!!not base64!!")),
                        400, "INVALID_CONTENT")),
                row("wrong content type", new Bad("POST", "/v1/projects/hr/submissions", bearer(CI), "text/plain", ok, null,
                        415, "UNSUPPORTED_MEDIA_TYPE", null)),
                row("form-encoded body", new Bad("POST", "/v1/projects/hr/submissions", bearer(CI),
                        "application/x-www-form-urlencoded", "mode=CHECK", null, 415, "UNSUPPORTED_MEDIA_TYPE", null)
                        .mentioning("application/json")),
                row("no content type", new Bad("POST", "/v1/projects/hr/submissions", bearer(CI), null, ok, null,
                        415, "UNSUPPORTED_MEDIA_TYPE", null).mentioning("application/json")),
                row("PUT instead of POST", new Bad("PUT", "/v1/projects/hr/submissions", bearer(CI), "application/json", ok, null,
                        405, "METHOD_NOT_ALLOWED", null)),
                row("mode in lower case", post("{\"mode\":\"check\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}]}",
                        400, "INVALID_REQUEST").mentioning("field 'mode' 'check' is not one of [CHECK, ROLLOUT]")),
                row("vcs a string", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],\"vcs\":\"main\"}",
                        400, "INVALID_REQUEST").mentioning("field 'vcs'")),
                row("customRules an object", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],"
                        + "\"customRules\":{\"text\":\"no FKs\"}}", 400, "INVALID_REQUEST").mentioning("field 'customRules'")),
                row("target an object", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],"
                        + "\"targets\":[{\"name\":\"demo/hr_test\"}]}", 400, "INVALID_REQUEST").mentioning("field 'targets[0]'")),
                row("path of the second file an array", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"},"
                        + "{\"path\":[\"b.sql\"],\"content\":\"\"}]}", 400, "INVALID_REQUEST").mentioning("field 'files[1].path'")),
                row("a misspelt field (customRule)", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],"
                        + "\"customRule\":\"no FKs\"}", 400, "INVALID_REQUEST")
                        .mentioning("field 'customRule' is unknown; the known fields here are [customRules, files, mode, targets, vcs]")),
                row("an unknown field in a file", post(files(Map.of("path", "a.sql", "content", TABLE, "encoding", "latin1")),
                        400, "INVALID_REQUEST").mentioning("field 'files[0].encoding' is unknown")),
                row("an unknown field in vcs", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],"
                        + "\"vcs\":{\"pull_request\":\"7\"}}", 400, "INVALID_REQUEST").mentioning("field 'vcs.pull_request' is unknown")),
                // paths
                row("../ traversal", post(files(file("../../etc/passwd", TABLE)), 400, "INVALID_PATH")),
                row("../ inside a path", post(files(file("schemas/../../secrets.sql", TABLE)), 400, "INVALID_PATH")),
                row("absolute path", post(files(file("/etc/passwd", TABLE)), 400, "INVALID_PATH")),
                row("Windows drive path", post(files(file("C:\\schemas\\a.sql", TABLE)), 400, "INVALID_PATH")),
                row("backslash separator", post(files(file("schemas\\a.sql", TABLE)), 400, "INVALID_PATH")),
                row("UNC path", post(files(file("\\\\server\\share\\a.sql", TABLE)), 400, "INVALID_PATH")),
                row("NUL in path", post(files(file("a.sql\u0000.txt", TABLE)), 400, "INVALID_PATH")),
                row("newline in path", post(files(file("a\n.sql", TABLE)), 400, "INVALID_PATH")),
                row("empty path", post(files(file("", TABLE)), 400, "INVALID_PATH")),
                row("./ segment", post(files(file("./a.sql", TABLE)), 400, "INVALID_PATH")),
                row("deep path over 1024 characters", post(files(file(deepPath, TABLE)), 400, "INVALID_PATH")),
                row("same path twice", post(files(file("a.sql", TABLE), file("a.sql", TABLE)), 400, "INVALID_PATH")),
                // content
                row("NUL byte in content", post(files(file("a.sql", "CREATE TABLE t ();\n\u0000")), 400, "INVALID_CONTENT")),
                row("invalid UTF-8 (Latin-1 bytes)", post(files(Map.of("path", "l.sql", "contentBase64", latin1)), 400, "INVALID_CONTENT")),
                row("lone high surrogate", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"s.sql\",\"content\":\"-- \\ud800\"}]}",
                        400, "INVALID_CONTENT")),
                row("lone low surrogate", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"s.sql\",\"content\":\"-- \\udc00 x\"}]}",
                        400, "INVALID_CONTENT")),
                // limits (the test profile allows 5 files and 20000 bytes)
                row("one file more than the limit", post(manyFiles(6), 413, "TOO_MANY_FILES")),
                row("10k tiny files", post(manyFiles(10_000), 413, "TOO_MANY_FILES")),
                row("bytes over the limit", post(files(file("big.sql", "-- " + "x".repeat(20_000))), 413, "SUBMISSION_TOO_LARGE")),
                row("bytes over the limit across files", post(files(file("a.sql", "-- " + "x".repeat(10_000)),
                        file("b.sql", "-- " + "y".repeat(10_000))), 413, "SUBMISSION_TOO_LARGE")),
                // state-file allowlist: 422 with file:line:column
                row("INSERT", stateFile(TABLE + "INSERT INTO hr.employees VALUES (1);\n", "schemas/evil.sql:2:1")),
                row("UPDATE", stateFile(TABLE + "\n  UPDATE hr.employees SET id = 2;\n", "schemas/evil.sql:3:3")),
                row("DELETE", stateFile("DELETE FROM hr.employees;\n", "schemas/evil.sql:1:1")),
                row("TRUNCATE", stateFile(TABLE + "TRUNCATE hr.employees;\n", "schemas/evil.sql:2:1")),
                row("DROP TABLE", stateFile("DROP TABLE hr.employees;\n", "schemas/evil.sql:1:1")),
                row("DO block", stateFile("DO $$ BEGIN PERFORM pg_sleep(1); END $$;\n", "schemas/evil.sql:1:1")),
                row("COPY FROM file", stateFile(TABLE + "COPY hr.employees FROM '/etc/passwd';\n", "schemas/evil.sql:2:1")),
                row("COPY FROM PROGRAM", stateFile(TABLE + "COPY hr.employees FROM PROGRAM 'id';\n", "schemas/evil.sql:2:1")),
                row("pg_read_file in a view", stateFile("CREATE VIEW hr.leak AS SELECT pg_read_file('/etc/passwd') AS s;\n", "schemas/evil.sql:1:")),
                row("CREATE FUNCTION LANGUAGE c", stateFile("CREATE FUNCTION hr.sys(cstring) RETURNS int\n"
                        + "AS '/lib/x86_64-linux-gnu/libc.so.6', 'system' LANGUAGE c;\n", "schemas/evil.sql:1:1")),
                row("ALTER SYSTEM", stateFile("ALTER SYSTEM SET shared_preload_libraries = 'evil';\n", "schemas/evil.sql:1:1")),
                row("BEGIN/COMMIT", stateFile("BEGIN;\n" + TABLE + "COMMIT;\n", "schemas/evil.sql:1:1")),
                row("SET ROLE", stateFile("SET ROLE postgres;\n" + TABLE, "schemas/evil.sql:1:1")),
                // targets
                row("unknown target", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],\"targets\":[\"demo/hr_stage\"]}",
                        422, "UNKNOWN_TARGET")),
                row("target of an unknown instance", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],"
                        + "\"targets\":[\"elsewhere/hr_test\"]}", 422, "UNKNOWN_TARGET")),
                row("malformed target", post("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],\"targets\":[\"; DROP DATABASE x\"]}",
                        422, "UNKNOWN_TARGET")),
                // idempotency
                row("replayed Idempotency-Key with another body", new Bad("POST", "/v1/projects/hr/submissions", bearer(CI),
                        "application/json", files(file("a.sql", TABLE + "-- other\n")), SEEDED_KEY, 409, "IDEMPOTENCY_KEY_REUSED", null)),
                // reads
                row("GET submission without a token", get(null, "/v1/submissions/" + UUID.randomUUID(), 401, "UNAUTHENTICATED")),
                row("GET submission with a submitter-only token", get(IngestTestProfile.SUBMITTER, "/v1/submissions/" + UUID.randomUUID(),
                        403, "FORBIDDEN")),
                row("GET unknown submission", get(IngestTestProfile.VIEWER, "/v1/submissions/" + UUID.randomUUID(), 404, "UNKNOWN_SUBMISSION")),
                row("GET list of an unknown project", get(IngestTestProfile.VIEWER, "/v1/projects/payroll/submissions", 404, "UNKNOWN_PROJECT")),
                row("GET list with limit=0", get(IngestTestProfile.VIEWER, "/v1/projects/hr/submissions?limit=0", 400, "INVALID_REQUEST")
                        .mentioning("'limit'")),
                row("GET list with limit=ten", get(IngestTestProfile.VIEWER, "/v1/projects/hr/submissions?limit=ten", 400,
                        "INVALID_REQUEST").mentioning("'limit'")),
                row("GET list with limit=1e3", get(IngestTestProfile.VIEWER, "/v1/projects/hr/submissions?limit=1e3", 400,
                        "INVALID_REQUEST").mentioning("'limit'")),
                row("GET list with limit over 32 bits", get(IngestTestProfile.VIEWER, "/v1/projects/hr/submissions?limit=99999999999",
                        400, "INVALID_REQUEST").mentioning("'limit'")),
                row("GET list without a token", get(null, "/v1/projects/hr/submissions", 401, "UNAUTHENTICATED")));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("catalogue")
    void refusesWithTheDocumentedStatusAJsonErrorAndNoPartialState(Bad bad) throws SQLException {
        if (bad.idempotencyKey() != null) {
            seedIdempotencyKey();
        }
        long[] before = persistedState();

        RequestSpecification request = given().urlEncodingEnabled(false);
        if (bad.authorization() != null) {
            request.header("Authorization", bad.authorization());
        }
        if (bad.idempotencyKey() != null) {
            request.header("Idempotency-Key", bad.idempotencyKey());
        }
        if (bad.body() != null) {
            if (bad.contentType() != null) {
                request.contentType(bad.contentType() + "; charset=UTF-8");
            }
            // bytes keep the JSON exactly as written; RestAssured encodes a form body only from text
            if ("application/x-www-form-urlencoded".equals(bad.contentType())) {
                request.body(bad.body());
            } else {
                request.body(bad.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        Response response = request.request(bad.method(), bad.path());

        String text = response.asString();
        assertThat(response.statusCode()).as(text).isEqualTo(bad.status());
        assertThat(response.contentType()).as(text).startsWith("application/json");
        JsonNode error = Json.decode(text, JsonNode.class);
        assertThat(error.path("code").asText()).as(text).isEqualTo(bad.code());
        assertThat(error.path("message").asText()).as(text).hasSizeGreaterThan(10).doesNotContain("\n\tat ")
                .doesNotContain("Exception").doesNotContain("com.fasterxml");
        if (bad.mentions() != null) {
            assertThat(error.path("message").asText()).as(text).contains(bad.mentions());
        }
        if (bad.where() != null) {
            JsonNode first = error.path("details").path(0);
            assertThat(first.path("file").asText() + ":" + first.path("line").asText() + ":" + first.path("column").asText())
                    .as(text).startsWith(bad.where());
            assertThat(first.path("line").asInt()).as(text).isPositive();
            assertThat(first.path("column").asInt()).as(text).isPositive();
        }
        assertThat(persistedState()).as("submissions and outbox rows after: " + text).containsExactly(before);
    }

    /** Counts of submissions, per-target rows and outbox rows (published or not): a refusal changes none. */
    private long[] persistedState() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword.orElse(null)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM ingest.submissions), "
                     + "(SELECT count(*) FROM ingest.submission_targets), (SELECT count(*) FROM ingest.outbox)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private static synchronized void seedIdempotencyKey() {
        if (!seeded) {
            given().header("Authorization", "Bearer " + CI).header("Idempotency-Key", SEEDED_KEY)
                    .contentType("application/json").body(files(file("a.sql", TABLE)))
                    .post("/v1/projects/hr/submissions").then().statusCode(202);
            seeded = true;
        }
    }
}
