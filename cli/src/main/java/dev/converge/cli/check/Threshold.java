package dev.converge.cli.check;

import java.util.Locale;

/** When {@code converge check} fails the build ({@code --check-release}, Bytebase's names). */
public enum Threshold {
    SKIP, FAIL_ON_WARNING, FAIL_ON_ERROR;

    /** Parses {@code --check-release} values and the {@code --fail-on never|warning|error} alias. */
    public static Threshold parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "SKIP", "NEVER", "NONE" -> SKIP;
            case "FAIL_ON_WARNING", "WARNING", "WARN" -> FAIL_ON_WARNING;
            case "FAIL_ON_ERROR", "ERROR" -> FAIL_ON_ERROR;
            default -> throw new IllegalArgumentException("'" + text
                    + "' is not one of SKIP, FAIL_ON_WARNING, FAIL_ON_ERROR (or never, warning, error)");
        };
    }

    /** True if a result with these counts fails the check. */
    public boolean fails(int errors, int warnings) {
        return switch (this) {
            case SKIP -> false;
            case FAIL_ON_WARNING -> errors > 0 || warnings > 0;
            case FAIL_ON_ERROR -> errors > 0;
        };
    }
}
