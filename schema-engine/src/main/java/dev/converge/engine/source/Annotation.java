package dev.converge.engine.source;

import java.util.List;

/**
 * A {@code -- converge:<directive> <args…>} comment in a state file, e.g.
 * {@code -- converge:renamed-from old_name} or {@code -- converge:ignore no-pk legacy table}.
 *
 * @param directive e.g. {@code renamed-from}, lower-case
 * @param args      the whitespace-separated words after the directive
 * @param line      1-based line of the comment
 */
public record Annotation(String directive, List<String> args, String file, int line) {

    public Annotation {
        args = List.copyOf(args);
    }

    public static final String RENAMED_FROM = "renamed-from";
    public static final String IGNORE = "ignore";

    /** Parses one comment's text (without {@code --}); null when it is no annotation. */
    static Annotation parse(String comment, String file, int line) {
        String text = comment.strip();
        if (!text.regionMatches(true, 0, "converge:", 0, 9)) {
            return null;
        }
        String[] words = text.substring(9).strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        return new Annotation(words[0].toLowerCase(java.util.Locale.ROOT), List.of(words).subList(1, words.length), file, line);
    }
}
