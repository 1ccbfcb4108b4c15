package dev.converge.review.ai;

import java.util.List;

/**
 * The validated answer of the model for one prompt, as cached.
 *
 * @param findings the findings that cite existing statements
 * @param dropped  how many findings the model gave that had to be dropped (nonexistent statement, no message)
 */
public record AiAnswer(List<Item> findings, int dropped) {
    public AiAnswer {
        findings = List.copyOf(findings);
    }

    /** One finding as the model gave it (after validation). */
    public record Item(String rule, String severity, int statement, String message, String suggestion, String file,
                       Integer line) {
    }
}
