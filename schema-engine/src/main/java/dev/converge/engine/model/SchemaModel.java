package dev.converge.engine.model;

import dev.converge.common.Hashing;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An immutable, normalized PostgreSQL schema: every top-level object keyed by its {@link DbObject#id()}.
 * Two databases with the same schema produce equal models and equal {@link #hash()}es (column order and
 * catalog oids are not part of it).
 *
 * @param serverVersionNum {@code server_version_num} of the server it was read from (not part of the hash)
 * @param dependencies     what each object (or {@code column:s.t.c} / {@code constraint:s.t.name}) uses, by id,
 *                         from pg_depend; derived from the definitions, so not part of the hash
 * @param authorization    privileges and owners ({@link Authorization#NONE} when not read); part of the hash
 *                         only for what is managed
 */
public record SchemaModel(int serverVersionNum, SortedMap<String, DbObject> objects,
                          SortedMap<String, SortedSet<String>> dependencies, Authorization authorization) {

    public SchemaModel {
        objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
        dependencies = Collections.unmodifiableSortedMap(new TreeMap<>(dependencies));
        authorization = authorization == null ? Authorization.NONE : authorization;
    }

    public SchemaModel(int serverVersionNum, SortedMap<String, DbObject> objects,
                       SortedMap<String, SortedSet<String>> dependencies) {
        this(serverVersionNum, objects, dependencies, Authorization.NONE);
    }

    public SchemaModel withAuthorization(Authorization auth) {
        return new SchemaModel(serverVersionNum, objects, dependencies, auth);
    }

    public SchemaModel(int serverVersionNum, SortedMap<String, DbObject> objects) {
        this(serverVersionNum, objects, new TreeMap<>());
    }

    /** Ids of everything that uses {@code id} directly (reverse of {@link #dependencies()}). */
    public Set<String> dependents(String id) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, SortedSet<String>> e : dependencies.entrySet()) {
            if (e.getValue().contains(id)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    public static SchemaModel of(int serverVersionNum, Collection<? extends DbObject> objects) {
        return of(serverVersionNum, objects, new TreeMap<>());
    }

    public static SchemaModel of(int serverVersionNum, Collection<? extends DbObject> objects,
                                 SortedMap<String, SortedSet<String>> dependencies) {
        Map<String, DbObject> byId = new TreeMap<>();
        for (DbObject o : objects) {
            if (byId.put(o.id(), o) != null) {
                throw new IllegalArgumentException("duplicate object " + o.describe());
            }
        }
        return new SchemaModel(serverVersionNum, new TreeMap<>(byId), dependencies);
    }

    public static SchemaModel empty() {
        return new SchemaModel(0, new TreeMap<>());
    }

    public Optional<DbObject> get(String id) {
        return Optional.ofNullable(objects.get(id));
    }

    public <T extends DbObject> List<T> all(Class<T> kind) {
        return objects.values().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public List<TableDef> tables() {
        return all(TableDef.class);
    }

    public List<IndexDef> indexes() {
        return all(IndexDef.class);
    }

    public List<SequenceDef> sequences() {
        return all(SequenceDef.class);
    }

    /** Canonical text of the whole schema (what {@link #hash()} digests); handy in test failure messages. */
    public String canonical() {
        return objects.values().stream().map(DbObject::canonical).collect(Collectors.joining("\n"))
                + authorization.canonical();
    }

    /** SHA-256 of {@link #canonical()}: equal schemas hash equally. */
    public String hash() {
        return Hashing.sha256Hex(canonical());
    }
}
