package dev.converge.review.rules;

import java.util.regex.Pattern;

/** The patterns names must match; snake_case for all kinds by default. */
public record NamingPatterns(Pattern table, Pattern column, Pattern index, Pattern constraint) {
    public static final String SNAKE_CASE = "^[a-z][a-z0-9_]*$";

    public static NamingPatterns defaults() {
        Pattern snake = Pattern.compile(SNAKE_CASE);
        return new NamingPatterns(snake, snake, snake, snake);
    }

    public NamingPatterns with(String kind, Pattern pattern) {
        switch (kind) {
            case "table":
                return new NamingPatterns(pattern, column, index, constraint);
            case "column":
                return new NamingPatterns(table, pattern, index, constraint);
            case "index":
                return new NamingPatterns(table, column, pattern, constraint);
            case "constraint":
                return new NamingPatterns(table, column, index, pattern);
            default:
                throw new IllegalArgumentException("unknown name kind '" + kind + "' (table, column, index, constraint)");
        }
    }
}
