package dev.converge.common.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target database: {@code instance/database}. Bytebase's {@code instances/<i>/databases/<d>} is accepted too.
 * The canonical text form ({@link #toString()}) is what topics, APIs and the CLI use.
 */
public record TargetRef(String instance, String database) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern BYTEBASE = Pattern.compile("instances/([^/]+)/databases/([^/]+)");
    private static final Pattern SHORT = Pattern.compile("([^/]+)/([^/]+)");

    public TargetRef {
        requireName("instance", instance);
        requireName("database", database);
    }

    public static TargetRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("target is empty; write it as instance/database");
        }
        String t = text.trim();
        Matcher m = BYTEBASE.matcher(t);
        if (!m.matches()) {
            m = SHORT.matcher(t);
        }
        if (!m.matches()) {
            throw new IllegalArgumentException("target '" + text + "' is not of the form instance/database "
                    + "(or instances/<instance>/databases/<database>)");
        }
        return new TargetRef(m.group(1), m.group(2));
    }

    private static void requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " name '" + value + "' may contain only letters, digits, '_', '.' and '-'");
        }
    }

    @Override
    public String toString() {
        return instance + "/" + database;
    }
}
