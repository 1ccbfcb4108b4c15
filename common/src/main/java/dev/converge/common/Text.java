package dev.converge.common;

/** Small text helpers for messages that quote what a user or a server sent. */
public final class Text {
    private Text() {
    }

    /** {@code s} cut to its first {@code max} characters with "…" when longer, so a message stays one readable line. */
    public static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
