package dev.converge.engine;

import dev.converge.common.events.StateFile;
import dev.converge.engine.source.StateFiles;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where the desired schema comes from: state files (run in a shadow database) or a live database. */
public sealed interface DesiredSource permits DesiredSource.Files, DesiredSource.Database {

    /**
     * State files, already read (as submitted by CI) or loaded from disk with {@link #glob}.
     *
     * @param shadowServer      where to create the shadow database; null means the target's own server
     * @param allowedExtensions extensions the server does not mark trusted that the files may still create (their
     *                          scripts then run with the shadow server's administrative rights); the project's
     *                          explicit choice, empty by default. Extensions the allowlist refuses stay refused.
     */
    record Files(List<StateFile> files, DbConn shadowServer, Set<String> allowedExtensions) implements DesiredSource {
        public Files {
            files = List.copyOf(files);
            allowedExtensions = allowedExtensions == null ? Set.of() : Set.copyOf(allowedExtensions);
        }

        public Files(List<StateFile> files, DbConn shadowServer) {
            this(files, shadowServer, Set.of());
        }

        /** These files, allowing the given untrusted extensions. */
        public Files allowingExtensions(Collection<String> names) {
            return new Files(files, shadowServer, Set.copyOf(names));
        }
    }

    /** A database whose current schema is the desired one. */
    record Database(DbConn database) implements DesiredSource {
    }

    /** Loads the files matching {@code pattern} under {@code baseDir} now (sorted, strict UTF-8). */
    static Files glob(Path baseDir, String pattern, DbConn shadowServer) {
        return new Files(StateFiles.load(baseDir, pattern), shadowServer);
    }

    static Files files(List<StateFile> files, DbConn shadowServer) {
        return new Files(files, shadowServer);
    }

    static Database database(DbConn database) {
        return new Database(database);
    }
}
