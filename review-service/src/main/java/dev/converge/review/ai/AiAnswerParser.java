package dev.converge.review.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.events.Severity;
import dev.converge.common.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the model's JSON answer and keeps only findings that can be trusted to point somewhere real: a statement
 * number that exists in the plan (or -1 for the whole plan) and a message. Everything else is dropped and counted.
 */
public final class AiAnswerParser {
    /** The answer is not the JSON object that was asked for. */
    public static final class MalformedAnswerException extends RuntimeException {
        public MalformedAnswerException(String message) {
            super(message);
        }
    }

    private AiAnswerParser() {
    }

    public static AiAnswer parse(String text, int statementCount) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(stripFences(text));
        } catch (Exception e) {
            throw new MalformedAnswerException("the model's answer is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray()) {
            throw new MalformedAnswerException("the model's answer has no \"findings\" array");
        }
        List<AiAnswer.Item> items = new ArrayList<>();
        int dropped = 0;
        for (JsonNode f : root.get("findings")) {
            JsonNode statement = f.get("statement");
            String message = text(f, "message");
            if (statement == null || !statement.canConvertToInt() || message == null) {
                dropped++;
                continue;
            }
            int index = statement.asInt();
            if (index < -1 || index >= statementCount) {
                dropped++;
                continue;
            }
            JsonNode line = f.get("line");
            items.add(new AiAnswer.Item(orDefault(text(f, "rule"), "custom rule"), severity(text(f, "severity")).name(),
                    index, message, text(f, "suggestion"), text(f, "file"),
                    line != null && line.canConvertToInt() && line.asInt() > 0 ? line.asInt() : null));
        }
        return new AiAnswer(items, dropped);
    }

    /** Models like to wrap JSON in a Markdown code fence; accept that, nothing looser. */
    private static String stripFences(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (nl > 0 && end > nl) {
                return t.substring(nl + 1, end).strip();
            }
        }
        return t;
    }

    private static Severity severity(String s) {
        if (s == null) {
            return Severity.WARNING;
        }
        try {
            return Severity.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Severity.WARNING;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String orDefault(String s, String d) {
        return s == null ? d : s;
    }
}
