package dev.converge.review.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AiAnswerParserTest {
    @Test
    void keepsFindingsCitingExistingStatementsAndCountsTheOthers() {
        AiAnswer a = AiAnswerParser.parse("""
                {"findings": [
                  {"rule": "snake_case tables", "severity": "error", "statement": 0, "message": "fakeTable", "suggestion": "fake_table"},
                  {"rule": "x", "severity": "WARNING", "statement": 7, "message": "no such statement"},
                  {"rule": "x", "severity": "WARNING", "statement": -1, "message": "whole plan"},
                  {"rule": "x", "statement": 1}
                ]}""", 2);
        assertThat(a.findings()).extracting(AiAnswer.Item::statement).containsExactly(0, -1);
        assertThat(a.findings().get(0).severity()).isEqualTo("ERROR");
        assertThat(a.dropped()).isEqualTo(2);
    }

    @Test
    void acceptsAMarkdownFenceAroundTheJson() {
        AiAnswer a = AiAnswerParser.parse("```json\n{\"findings\": []}\n```", 1);
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void unknownSeverityBecomesWarning() {
        AiAnswer a = AiAnswerParser.parse("{\"findings\":[{\"statement\":0,\"message\":\"m\",\"severity\":\"CRITICAL\"}]}", 1);
        assertThat(a.findings()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo("WARNING");
            assertThat(i.rule()).isEqualTo("custom rule");
        });
    }

    @Test
    void proseOrAWrongShapeIsMalformed() {
        assertThatThrownBy(() -> AiAnswerParser.parse("The table name is not snake_case.", 1))
                .isInstanceOf(AiAnswerParser.MalformedAnswerException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> AiAnswerParser.parse("{\"issues\": []}", 1))
                .isInstanceOf(AiAnswerParser.MalformedAnswerException.class).hasMessageContaining("\"findings\"");
    }
}
