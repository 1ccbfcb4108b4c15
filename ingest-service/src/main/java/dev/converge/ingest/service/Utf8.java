package dev.converge.ingest.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 checks: what a state file may contain so that PostgreSQL and every consumer read it alike. */
final class Utf8 {
    private Utf8() {
    }

    /** Decodes bytes that must be valid UTF-8; throws with the 1-based line of the first bad byte. */
    static String decodeStrict(byte[] bytes) throws InvalidText {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // On failure the buffer position is at (or just before) the offending byte.
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidText(line, "is not valid UTF-8 (bad byte sequence near byte " + bad + ")");
        }
    }

    /**
     * Checks a decoded string for what UTF-8 cannot carry (unpaired surrogates, which a JSON {@code \\uD800}
     * escape can produce) and for NUL characters, which PostgreSQL refuses in text.
     */
    static void checkText(String text) throws InvalidText {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\u0000') {
                throw new InvalidText(line, "contains a NUL character, which PostgreSQL does not accept in SQL text");
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new InvalidText(line, "is not valid UTF-8 (unpaired surrogate \\u"
                            + Integer.toHexString(c).toUpperCase() + ")");
                }
            } else if (Character.isLowSurrogate(c)) {
                throw new InvalidText(line, "is not valid UTF-8 (unpaired surrogate \\u" + Integer.toHexString(c).toUpperCase() + ")");
            }
        }
    }

    static long byteLength(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Text that cannot be a state file; {@code line} is 1-based. */
    static final class InvalidText extends Exception {
        final int line;

        InvalidText(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
