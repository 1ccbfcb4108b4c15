package dev.converge.engine.introspect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What to leave out of introspection.
 *
 * @param excludedSchemas schema names to ignore entirely
 * @param excludedObjects glob patterns ({@code *} and {@code ?}) over qualified object names
 *                        ({@code public.tmp_*}, {@code audit.*}) to ignore
 * @param managePrivileges hash the objects' privileges (ACLs) and plan them from the desired side; off by
 *                         default, then they are read only for an object the plan replaces to keep them
 * @param manageOwnership  hash the objects' owners and plan them from the desired side; off by default, like
 *                         privileges
 */
public record IntrospectOptions(List<String> excludedSchemas, List<String> excludedObjects, boolean managePrivileges,
                                boolean manageOwnership) {
    public IntrospectOptions {
        excludedSchemas = excludedSchemas == null ? List.of() : List.copyOf(excludedSchemas);
        excludedObjects = excludedObjects == null ? List.of() : List.copyOf(excludedObjects);
    }

    public IntrospectOptions(List<String> excludedSchemas, List<String> excludedObjects) {
        this(excludedSchemas, excludedObjects, false, false);
    }

    public static IntrospectOptions defaults() {
        return new IntrospectOptions(List.of(), List.of());
    }

    public IntrospectOptions withAuthorization(boolean privileges, boolean ownership) {
        return new IntrospectOptions(excludedSchemas, excludedObjects, privileges, ownership);
    }

    public boolean excludesSchema(String schema) {
        return excludedSchemas.contains(schema) || excludes(schema + ".*") ;
    }

    /** Whether {@code schema.name} matches an exclusion. */
    public boolean excludes(String qualifiedName) {
        for (String glob : excludedObjects) {
            if (globToRegex(glob).matcher(qualifiedName).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*') {
                re.append(".*");
            } else if (ch == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
