package dev.converge.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonProblemTest {
    enum Mode { CHECK, ROLLOUT }

    record Item(String path) {
    }

    record Request(Mode mode, List<Item> files, Integer count) {
    }

    record Checked(String name) {
        Checked {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }

    private static final ObjectMapper MAPPER = Json.configure(new ObjectMapper());

    private static JsonProblem problemReading(String json, Class<?> type) {
        try {
            MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            return JsonProblem.find(new RuntimeException("wrapped", e)).orElseThrow();
        }
        throw new AssertionError("read without a problem: " + json);
    }

    @StrictFields
    record StrictItem(String path) {
    }

    @StrictFields
    record StrictRequest(Mode mode, List<StrictItem> files, Integer count) {
    }

    @Test
    void anUnknownFieldOfAStrictRequestNamesItAndTheFieldsThatExist() {
        JsonProblem top = problemReading("{\"mode\": \"CHECK\", \"modes\": []}", StrictRequest.class);
        assertThat(top.malformed()).isFalse();
        assertThat(top.sentence()).isEqualTo("field 'modes' is unknown; the known fields here are [count, files, mode]");
        JsonProblem nested = problemReading("{\"files\": [{\"path\": \"a.sql\"}, {\"pth\": \"b.sql\"}]}", StrictRequest.class);
        assertThat(nested.sentence()).isEqualTo("field 'files[1].pth' is unknown; the known fields here are [path]");
    }

    @Test
    void typesNotMarkedStrictStillIgnoreUnknownFields() throws Exception {
        // events and LLM answers: a newer producer may add fields
        assertThat(MAPPER.readValue("{\"mode\": \"CHECK\", \"modes\": [], \"files\": [{\"pth\": 1}]}", Request.class))
                .isEqualTo(new Request(Mode.CHECK, List.of(new Item(null)), null));
    }

    @Test
    void textThatIsNotJsonIsMalformedWithLineAndColumn() {
        JsonProblem p = problemReading("{\n  \"mode\": CHECK}", Request.class);
        assertThat(p.malformed()).isTrue();
        assertThat(p.sentence()).startsWith("the request body is not valid JSON at line 2, column").doesNotContain("[Source:");
        assertThat(problemReading("{\"mode\": \"CHECK\"", Request.class).malformed()).isTrue();
    }

    @Test
    void textAfterTheJsonValueIsRefusedInsteadOfIgnored() {
        JsonProblem words = problemReading("{\"mode\": \"CHECK\"} garbage", Request.class);
        assertThat(words.malformed()).isTrue();
        assertThat(words.sentence()).startsWith("the request body is not valid JSON at line 1, column");
        JsonProblem second = problemReading("{\"mode\": \"CHECK\"}\n{\"mode\": \"ROLLOUT\"}", Request.class);
        assertThat(second.malformed()).isTrue();
        assertThat(second.sentence()).isEqualTo("the request body has more after its JSON value at line 2, column 1; "
                + "send exactly one JSON value");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheValuesThatExist() {
        JsonProblem p = problemReading("{\"mode\": \"DEPLOY\"}", Request.class);
        assertThat(p.malformed()).isFalse();
        assertThat(p.field()).isEqualTo("mode");
        assertThat(p.sentence()).isEqualTo("field 'mode' 'DEPLOY' is not one of [CHECK, ROLLOUT]");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPathAndTheExpectedType() {
        assertThat(problemReading("{\"files\": [{\"path\": \"a\"}, {\"path\": {}}]}", Request.class).sentence())
                .isEqualTo("field 'files[1].path' has the wrong type; expected string");
        assertThat(problemReading("{\"count\": \"many\"}", Request.class).sentence())
                .isEqualTo("field 'count' 'many' is not a valid integer");
        assertThat(problemReading("[]", Request.class).sentence()).isEqualTo("request body has the wrong type; expected object");
        assertThat(problemReading("\"CHECK\"", Request.class).sentence()).startsWith("request body ")
                .doesNotContain("dev.converge").doesNotContain("JsonProblemTest");
    }

    @Test
    void aConstructorThatRefusesTheValueGivesItsOwnMessageWithoutClassNames() {
        JsonProblem p = problemReading("{\"name\": \" \"}", Checked.class);
        assertThat(p.sentence()).isEqualTo("request body name must not be blank");
    }

    @Test
    void somethingOtherThanAJacksonFailureIsNoJsonProblem() {
        assertThat(JsonProblem.find(new IllegalStateException("boom"))).isEmpty();
        assertThat(JsonProblem.find(null)).isEmpty();
    }
}
