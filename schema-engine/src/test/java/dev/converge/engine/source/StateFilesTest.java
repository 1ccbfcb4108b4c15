package dev.converge.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.common.events.StateFile;
import dev.converge.engine.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest {

    @TempDir
    Path dir;

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void loadsFilesMatchingDoubleStarGlobSortedByPathIncludingTopLevel() throws IOException {
        write("schemas/b.sql", "CREATE TABLE b (id int);");
        write("schemas/a.sql", "CREATE TABLE a (id int);");
        write("schemas/sub/deeper/c.sql", "CREATE TABLE c (id int);");
        write("schemas/notes.txt", "not sql");
        write("other/x.sql", "CREATE TABLE x (id int);");

        List<StateFile> files = StateFiles.load(dir, "schemas/**/*.sql");

        assertThat(files).extracting(StateFile::path)
                .containsExactly("schemas/a.sql", "schemas/b.sql", "schemas/sub/deeper/c.sql");
        assertThat(files.get(0).content()).isEqualTo("CREATE TABLE a (id int);");
        assertThat(files.get(0).sha256()).hasSize(64);
    }

    @Test
    void singleStarDoesNotCrossDirectoriesAndBracesChooseAlternatives() throws IOException {
        write("s/a.sql", "");
        write("s/b.pgsql", "");
        write("s/sub/c.sql", "");
        assertThat(StateFiles.load(dir, "s/*.sql")).extracting(StateFile::path).containsExactly("s/a.sql");
        assertThat(StateFiles.load(dir, "s/*.{sql,pgsql}")).extracting(StateFile::path).containsExactly("s/a.sql", "s/b.pgsql");
    }

    @Test
    void acceptsAnAbsolutePatternNamingOneFile() throws IOException {
        write("to.sql", "CREATE TABLE t (id int);");
        String absolute = dir.resolve("to.sql").toAbsolutePath().toString();
        assertThat(StateFiles.load(Path.of(""), absolute)).extracting(StateFile::path).containsExactly(absolute);
    }

    @Test
    void failsWhenNothingMatches() {
        assertThatThrownBy(() -> StateFiles.load(dir, "schemas/**/*.sql"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("no files match --file-pattern 'schemas/**/*.sql'");
    }

    @Test
    void rejectsNonUtf8FileNamingFileAndLine() throws IOException {
        Path file = dir.resolve("s/latin1.sql");
        Files.createDirectories(file.getParent());
        Files.write(file, "CREATE TABLE a (id int);\nCOMMENT ON TABLE a IS 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> StateFiles.load(dir, "s/*.sql"))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineException.Code.STATE_FILE_INVALID);
                    assertThat(e.getMessage()).isEqualTo("s/latin1.sql:2: not valid UTF-8 (state files must be UTF-8 encoded)");
                });
    }

    @Test
    void splitsAllFilesInOrderKeepingFileNames() throws IOException {
        write("s/1.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);");
        write("s/2.sql", "\n\nCREATE TABLE c (id int);");
        List<SqlStatement> statements = StateFiles.statements(StateFiles.load(dir, "s/*.sql"));
        assertThat(statements).extracting(SqlStatement::location).containsExactly("s/1.sql:1:1", "s/1.sql:2:1", "s/2.sql:3:1");
    }
}
