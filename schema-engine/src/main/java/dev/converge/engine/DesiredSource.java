package dev.converge.engine;

import dev.converge.common.events.StateFile;
import dev.converge.engine.source.StateFiles;
import java.nio.file.Path;
import java.util.List;

/** Where the desired schema comes from: state files (run in a shadow database) or a live database. */
public sealed interface DesiredSource permits DesiredSource.Files, DesiredSource.Database {

    /**
     * State files, already read (as submitted by CI) or loaded from disk with {@link #glob}.
     *
     * @param shadowServer where to create the shadow database; null means the target's own server
     */
    record Files(List<StateFile> files, DbConn shadowServer) implements DesiredSource {
        public Files {
            files = List.copyOf(files);
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
