package dev.converge.engine.source;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A {@code --file-pattern} glob: {@code *} and {@code ?} within one path segment, {@code **} across segments
 * ({@code schemas/**}{@code /*.sql} also matches {@code schemas/a.sql}), {@code {a,b}} alternatives and
 * {@code [abc]} classes. The literal leading directories are the walk's root.
 */
record FileGlob(String pattern, Path root, Pattern relative) {

    static FileGlob of(Path baseDir, String pattern) {
        String normalized = pattern.replace('\\', '/');
        String[] segments = normalized.split("/", -1);
        int literal = 0;
        while (literal < segments.length - 1 && !hasWildcard(segments[literal])) {
            literal++;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < literal; i++) {
            prefix.append(segments[i]).append('/');
        }
        String rest = normalized.substring(prefix.length());
        Path root;
        if (prefix.length() == 0) {
            root = baseDir;
        } else {
            String dir = prefix.toString();
            root = baseDir.resolve(dir.equals("/") ? "/" : dir.substring(0, dir.length() - 1));
        }
        return new FileGlob(pattern, root, Pattern.compile(toRegex(rest)));
    }

    boolean matches(Path relativeToRoot) {
        return relative.matcher(relativeToRoot.toString().replace('\\', '/')).matches();
    }

    private static boolean hasWildcard(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inAlternatives = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '{') {
                re.append("(?:");
                inAlternatives = true;
            } else if (c == '}' && inAlternatives) {
                re.append(')');
                inAlternatives = false;
            } else if (c == ',' && inAlternatives) {
                re.append('|');
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 1);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, close);
                    re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
