package dev.converge.engine.introspect;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every catalog query to a directory (one file each) so they can be timed with psql / EXPLAIN. */
public final class DumpQueries {
    private DumpQueries() {
    }

    public static void main(String[] args) throws Exception {
        for (Field f : CatalogQueries.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("SYSTEM_SCHEMA")) {
                f.setAccessible(true);
                Files.writeString(Path.of(args[0], f.getName() + ".sql"), (String) f.get(null) + ";\n");
            }
        }
    }
}
