package dev.converge.devstack.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for secrets (passwords, tokens) in text that a system shows or stores: as they are, URL-encoded, and
 * base64-encoded at any byte offset (standard and URL-safe alphabets), so that a secret inside an encoded
 * {@code user:password} or a JSON blob is found too. A finding names the secret and the place, never the secret.
 */
public final class SecretScan {
    /** Short secrets would match by chance; the encoded forms need some length to be recognisable. */
    static final int MIN_LENGTH = 10;

    private final Map<String, Set<String>> formsByName = new LinkedHashMap<>();

    /** @param secrets name (for reports) → secret value; every value needs at least {@value #MIN_LENGTH} characters */
    public SecretScan(Map<String, String> secrets) {
        secrets.forEach((name, value) -> {
            if (value == null || value.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("secret '" + name + "' is shorter than " + MIN_LENGTH
                        + " characters: a scan for it would not mean much");
            }
            formsByName.put(name, forms(value));
        });
    }

    /** The texts that betray {@code secret}: itself, URL-encoded, and the base64 characters it fully determines. */
    static Set<String> forms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // character i carries bits [6i, 6i+6); keep those that carry only bits of the secret
            int first = (8 * offset + 5) / 6;
            int end = (8 * (offset + bytes.length)) / 6;
            String inner = encoded.substring(first, end);
            forms.add(inner);
            forms.add(inner.replace('+', '-').replace('/', '_'));
        }
        return forms;
    }

    /** One place where a secret was seen. */
    public record Finding(String secret, String where, String excerpt) {
        @Override
        public String toString() {
            return "secret '" + secret + "' in " + where + ": " + excerpt;
        }
    }

    /** Every secret found in {@code text}; {@code where} says what the text is (log file and line, topic, request). */
    public List<Finding> scan(String where, String text) {
        List<Finding> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        formsByName.forEach((name, forms) -> {
            for (String form : forms) {
                int at = text.indexOf(form);
                if (at >= 0) {
                    found.add(new Finding(name, where, excerpt(text, at, form.length())));
                    return;
                }
            }
        });
        return found;
    }

    /** Up to 60 characters either side, the secret itself masked. */
    private static String excerpt(String text, int at, int length) {
        String before = text.substring(Math.max(0, at - 60), at);
        String after = text.substring(at + length, Math.min(text.length(), at + length + 60));
        return (before + "<SECRET>" + after).replaceAll("\\s+", " ");
    }
}
