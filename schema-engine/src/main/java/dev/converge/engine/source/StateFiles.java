package dev.converge.engine.source;

import dev.converge.common.Hashing;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.StateFile;
import dev.converge.engine.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Loads state files from disk by {@code --file-pattern} glob, sorted by path, strictly as UTF-8. */
public final class StateFiles {

    private StateFiles() {
    }

    /**
     * @param baseDir directory a relative pattern is resolved against (the working directory for the CLI)
     * @param pattern e.g. {@code schemas/**}{@code /*.sql}; absolute patterns are allowed
     * @return the matching regular files, sorted by path; each file's {@code path} is as the pattern spells it
     *         (relative to {@code baseDir} for relative patterns)
     * @throws EngineException {@code STATE_FILE_INVALID} when nothing matches or a file is not UTF-8
     */
    public static List<StateFile> load(Path baseDir, String pattern) {
        FileGlob glob = FileGlob.of(baseDir, pattern);
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(glob.root())) {
            try (Stream<Path> walk = Files.walk(glob.root())) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> glob.matches(glob.root().relativize(p)))
                        .forEach(matches::add);
            } catch (IOException | UncheckedIOException e) {
                throw new EngineException(EngineException.Code.STATE_FILE_INVALID,
                        "cannot list files for --file-pattern '" + pattern + "': " + e.getMessage());
            }
        }
        if (matches.isEmpty()) {
            throw new EngineException(EngineException.Code.STATE_FILE_INVALID,
                    "no files match --file-pattern '" + pattern + "' (relative to " + baseDir.toAbsolutePath().normalize() + ")");
        }
        boolean absolute = Path.of(pattern).isAbsolute();
        List<StateFile> files = new ArrayList<>();
        matches.stream()
                .sorted(Comparator.comparing(p -> display(baseDir, p, absolute)))
                .forEach(p -> files.add(read(p, display(baseDir, p, absolute))));
        return files;
    }

    /** Reads one file; bytes that are not valid UTF-8 are an error naming the file. */
    public static StateFile read(Path file, String displayPath) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EngineException(EngineException.Code.STATE_FILE_INVALID, displayPath + ": cannot read: " + e.getMessage(),
                    new SourceLocation(displayPath, 0, 0));
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = lineOfFirstInvalidByte(bytes);
            throw new EngineException(EngineException.Code.STATE_FILE_INVALID, displayPath + ":" + line
                    + ": not valid UTF-8 (state files must be UTF-8 encoded)", new SourceLocation(displayPath, line, 0));
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1); // a BOM is not SQL
        }
        return new StateFile(displayPath, content, Hashing.sha256Hex(bytes));
    }

    private static int lineOfFirstInvalidByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private static String display(Path baseDir, Path file, boolean absolute) {
        Path shown = absolute ? file.toAbsolutePath().normalize() : baseDir.relativize(file).normalize();
        return shown.toString().replace('\\', '/');
    }

    /** Splits every file into statements, in file order. */
    public static List<SqlStatement> statements(List<StateFile> files) {
        List<SqlStatement> all = new ArrayList<>();
        for (StateFile file : files) {
            all.addAll(StatementSplitter.split(file.path(), file.content()));
        }
        return all;
    }
}
