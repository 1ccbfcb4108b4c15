package dev.converge.ingest.service;

import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.TargetRef;
import dev.converge.common.events.Mode;
import dev.converge.common.events.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubmissionValidatorTest {
    static final ConvergeConfig CONFIG = ConvergeConfig.fromProperties(Map.of(
            "converge.instances.demo.host", "127.0.0.1",
            "converge.environments.test.policy", "automatic",
            "converge.environments.prod.after", "test",
            "converge.environments.prod.policy", "approval",
            "converge.projects.hr.environments.test.targets", "demo/hr_test",
            "converge.projects.hr.environments.prod.targets", "demo/hr_prod"));

    private static final String TABLE = "CREATE TABLE employees (id bigint PRIMARY KEY);\n";

    private final SubmissionValidator validator = new SubmissionValidator(CONFIG, new IngestLimits(3, 1000, 100),
            (path, content) -> content.contains("DELETE")
                    ? List.of(new StateFileRules.Violation(new SourceLocation(path, 2, 1), "DELETE is DML; state files hold DDL only"))
                    : List.of());

    private static SubmissionRequest request(List<FileSubmission> files, List<String> targets) {
        return new SubmissionRequest(Mode.CHECK, files, targets, null, null);
    }

    private static FileSubmission file(String path, String content) {
        return new FileSubmission(path, content, null);
    }

    private ApiException refused(SubmissionRequest request) {
        return catchThrowableOfType(ApiException.class, () -> validator.validate("hr", request));
    }

    @Test
    void acceptsFilesAndDefaultsToAllTargetsInRolloutOrder() {
        ValidatedSubmission ok = validator.validate("hr", request(List.of(file("schemas/hr.sql", TABLE)), null));
        assertThat(ok.targets()).containsExactly(new TargetRef("demo", "hr_test"), new TargetRef("demo", "hr_prod"));
        assertThat(ok.files().get(0).sha256()).hasSize(64);
    }

    @Test
    void acceptsBothTargetSpellingsAndKeepsRolloutOrder() {
        ValidatedSubmission ok = validator.validate("hr", request(List.of(file("a.sql", TABLE)),
                List.of("instances/demo/databases/hr_prod", "demo/hr_test")));
        assertThat(ok.targetNames()).containsExactly("demo/hr_test", "demo/hr_prod");
    }

    @Test
    void rejectsUnknownProjectWith404() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> validator.validate("payroll", request(List.of(file("a.sql", TABLE)), null)));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("UNKNOWN_PROJECT");
        assertThat(e.getMessage()).contains("payroll").contains("hr");
    }

    @Test
    void rejectsUnknownTargetNamingIt() {
        ApiException e = refused(request(List.of(file("a.sql", TABLE)), List.of("demo/hr_stage")));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("UNKNOWN_TARGET");
        assertThat(e.details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("targets[0]");
            assertThat(d.message()).contains("demo/hr_stage");
        });
    }

    @Test
    void rejectsAnEmptyFileSet() {
        assertThat(refused(request(List.of(), null)).code()).isEqualTo("EMPTY_FILE_SET");
        assertThat(refused(request(null, null)).status()).isEqualTo(400);
    }

    @Test
    void rejectsPathTraversalAbsoluteAndDuplicatePaths() {
        ApiException e = refused(request(List.of(file("../etc/passwd", TABLE), file("/abs.sql", TABLE),
                file("C:\\x.sql", TABLE)), null));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("INVALID_PATH");
        assertThat(e.details()).extracting(ErrorDetail::field).containsExactly("files[0].path", "files[1].path", "files[2].path");
        assertThat(e.details().get(0).message()).contains("'..'");
        assertThat(e.details().get(1).message()).contains("absolute");

        assertThat(refused(request(List.of(file("a.sql", TABLE), file("a.sql", TABLE)), null)).details().get(0).message())
                .contains("more than once");
        assertThat(SubmissionValidator.pathProblem("schemas/./a.sql")).contains("not normalized");
        assertThat(SubmissionValidator.pathProblem("schemas/sub/a.sql")).isNull();
    }

    @Test
    void rejectsNulAndUnpairedSurrogatesWithTheirLine() {
        ApiException e = refused(request(List.of(file("a.sql", "CREATE TABLE t ();\nSELECT '\u0000';\n")), null));
        assertThat(e.code()).isEqualTo("INVALID_CONTENT");
        assertThat(e.details().get(0).file()).isEqualTo("a.sql");
        assertThat(e.details().get(0).line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("NUL");

        ApiException surrogate = refused(request(List.of(file("b.sql", "\n\n-- \uD800 broken\n")), null));
        assertThat(surrogate.details().get(0).line()).isEqualTo(3);
        assertThat(surrogate.getMessage()).contains("not valid UTF-8");
    }

    @Test
    void decodesBase64ContentAndRejectsNonUtf8Bytes() {
        String b64 = Base64.getEncoder().encodeToString(TABLE.getBytes(StandardCharsets.UTF_8));
        ValidatedSubmission ok = validator.validate("hr", request(List.of(new FileSubmission("a.sql", null, b64)), null));
        assertThat(ok.files().get(0).content()).isEqualTo(TABLE);

        byte[] latin1 = "-- ok\n-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        ApiException e = refused(request(List.of(new FileSubmission("l.sql", null,
                Base64.getEncoder().encodeToString(latin1))), null));
        assertThat(e.code()).isEqualTo("INVALID_CONTENT");
        assertThat(e.details().get(0).line()).isEqualTo(2);

        assertThat(refused(request(List.of(new FileSubmission("x.sql", "a", "YQ==")), null)).details().get(0).message())
                .contains("exactly one of");
        assertThat(refused(request(List.of(new FileSubmission("x.sql", null, "%%%")), null)).details().get(0).message())
                .contains("not valid base64");
    }

    @Test
    void rejectsTooManyFilesOrBytesWith413() {
        List<FileSubmission> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(file("f" + i + ".sql", TABLE));
        }
        ApiException many = refused(request(four, null));
        assertThat(many.status()).isEqualTo(413);
        assertThat(many.code()).isEqualTo("TOO_MANY_FILES");

        ApiException big = refused(request(List.of(file("big.sql", "x".repeat(1001))), null));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.getMessage()).contains("1001").contains("1000");
    }

    @Test
    void rejectsAllowlistViolationsWithFileLineAndColumn() {
        ApiException e = refused(request(List.of(file("schemas/a.sql", TABLE + "DELETE FROM employees;\n")), null));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("STATE_FILE_INVALID");
        assertThat(e.details()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("schemas/a.sql");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(1);
        });
        assertThat(e.getMessage()).startsWith("schemas/a.sql:2:1: DELETE");
    }

    @Test
    void fingerprintIgnoresHowContentWasEncoded() {
        String b64 = Base64.getEncoder().encodeToString(TABLE.getBytes(StandardCharsets.UTF_8));
        String asText = validator.validate("hr", request(List.of(file("a.sql", TABLE)), null)).fingerprint();
        String asBase64 = validator.validate("hr", request(List.of(new FileSubmission("a.sql", null, b64)), null)).fingerprint();
        String other = validator.validate("hr", request(List.of(file("a.sql", TABLE + "\n")), null)).fingerprint();
        assertThat(asText).isEqualTo(asBase64).isNotEqualTo(other);
    }
}
