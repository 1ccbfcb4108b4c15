package dev.converge.ingest.api;

import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import dev.converge.devstack.testing.OpenApiEndpoints;
import dev.converge.devstack.testing.OpenApiEndpoints.Endpoint;
import dev.converge.devstack.testing.OpenApiEndpoints.Refusals;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation in ingest-service's OpenAPI document refuses a caller without a token (401 with a JSON
 * {@code code} and {@code message}), the inbox probe included; and roles apply to every one: a viewer cannot submit,
 * a submitter-only account cannot read (403). Health, metrics and the OpenAPI document itself live under {@code /q},
 * outside the document, and stay open for probes.
 */
@QuarkusTest
@TestProfile(IngestTestProfile.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "db-prefix", value = "ck_ingest_"))
class EveryEndpointNeedsATokenTest {
    /** Nothing under /v1 is public. */
    static final Map<String, String> PUBLIC = Map.of();

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyDocumentedEndpointAnswers401WithoutATokenAnd403WithoutTheRole() throws Exception {
        String base = root.toString().replaceAll("/$", "");
        Refusals anonymous = OpenApiEndpoints.requireATokenEverywhere(base, PUBLIC);
        assertThat(anonymous.documented()).extracting(Endpoint::toString).contains("POST /v1/projects/{project}/submissions",
                "GET /v1/projects/{project}/submissions", "GET /v1/submissions/{id}", "GET /v1/processed-events/{eventId}");

        Refusals viewerWriting = OpenApiEndpoints.refusalsOf(base, PUBLIC, IngestTestProfile.VIEWER, 403,
                e -> !e.method().equals("GET"));
        assertThat(viewerWriting.notRefused()).as("writes a viewer-only account is not refused").isEmpty();
        Refusals submitterReading = OpenApiEndpoints.refusalsOf(base, PUBLIC, IngestTestProfile.SUBMITTER, 403,
                e -> e.method().equals("GET"));
        assertThat(submitterReading.notRefused()).as("reads a submitter-only account is not refused").isEmpty();
        assertThat(viewerWriting.checked() + submitterReading.checked()).isEqualTo(anonymous.documented().size());
        System.out.println("ingest-service: " + anonymous.documented().size() + " documented operations, " + anonymous.checked()
                + " refused without a token, " + viewerWriting.checked() + " writes refused to a viewer, "
                + submitterReading.checked() + " reads refused to a submitter-only account");
    }
}
