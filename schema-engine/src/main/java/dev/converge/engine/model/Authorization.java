package dev.converge.engine.model;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Privileges and owners of a schema's objects, read whether or not a project manages them (an object the plan
 * replaces keeps what is not managed), but part of the hash only when managed (off by default: then a model's hash
 * is what it was before privileges were modelled).
 *
 * <p>Normalised so that two databases that grant the same things compare equal: grants to an object's own
 * owner are left out (the owner's rights are implicit), a NULL ACL is read as PostgreSQL's built-in default
 * (so a new function's {@code EXECUTE} for {@code PUBLIC} is an ordinary grant that can be revoked), and an
 * owner that is the role running the introspection (or a shadow database's per-run role) is "the default
 * owner", recorded as absent: objects a plan creates get exactly that owner.
 *
 * @param privilegesManaged whether {@link #grants} are managed (hashed, planned from the desired side)
 * @param ownershipManaged  whether {@link #owners} are managed
 * @param grants            object id to its grants; an object without an entry has none
 * @param owners            object id to its owner; an object without an entry has the default owner
 * @param roles             the roles that exist on the server (not part of the hash)
 * @param newObjectGrants   what an object the plan creates is granted right away (built-in defaults plus
 *                          {@code ALTER DEFAULT PRIVILEGES} of the running role), by {@link #newObjectKey}
 *                          (not part of the hash)
 */
public record Authorization(boolean privilegesManaged, boolean ownershipManaged,
                            SortedMap<String, SortedSet<Grant>> grants, SortedMap<String, String> owners,
                            SortedSet<String> roles, SortedMap<String, SortedSet<Grant>> newObjectGrants) {

    public static final Authorization NONE = new Authorization(false, false, new TreeMap<>(), new TreeMap<>(),
            new TreeSet<>(), new TreeMap<>());

    public Authorization {
        grants = copy(grants);
        owners = Collections.unmodifiableSortedMap(new TreeMap<>(owners));
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        newObjectGrants = copy(newObjectGrants);
    }

    private static SortedMap<String, SortedSet<Grant>> copy(SortedMap<String, SortedSet<Grant>> in) {
        SortedMap<String, SortedSet<Grant>> out = new TreeMap<>();
        in.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v)));
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }

    public boolean managed() {
        return privilegesManaged || ownershipManaged;
    }

    public SortedSet<Grant> grantsOf(String objectId) {
        return grants.getOrDefault(objectId, Collections.emptySortedSet());
    }

    /** The owner, or null for the default owner. */
    public String ownerOf(String objectId) {
        return owners.get(objectId);
    }

    /**
     * Key of {@link #newObjectGrants}: the ACL kind letter of {@code pg_default_acl} ({@code r} relations,
     * {@code S} sequences, {@code f} routines, {@code T} types, {@code n} schemas) and, except for schemas,
     * the schema the object is created in.
     */
    public static String newObjectKey(char kind, String schema) {
        return kind == 'n' ? "n:" : kind + ":" + schema;
    }

    /** Schema-level default privileges add to the global ones, so a schema without its own has the global ones. */
    public SortedSet<Grant> newObjectGrants(char kind, String schema) {
        SortedSet<Grant> inSchema = newObjectGrants.get(newObjectKey(kind, schema));
        return inSchema != null ? inSchema : newObjectGrants.getOrDefault(newObjectKey(kind, ""), Collections.emptySortedSet());
    }

    /** The same authorization with every object id passed through {@code rename} (declared renames). */
    public Authorization renameIds(java.util.function.UnaryOperator<String> rename) {
        SortedMap<String, SortedSet<Grant>> g = new TreeMap<>();
        grants.forEach((k, v) -> g.put(rename.apply(k), v));
        SortedMap<String, String> o = new TreeMap<>();
        owners.forEach((k, v) -> o.put(rename.apply(k), v));
        return new Authorization(privilegesManaged, ownershipManaged, g, o, roles, newObjectGrants);
    }

    /** Only the grants and owner of one object (with the same roles and new-object defaults). */
    public Authorization restrictedTo(String objectId) {
        SortedMap<String, SortedSet<Grant>> g = new TreeMap<>();
        SortedMap<String, String> o = new TreeMap<>();
        if (grants.containsKey(objectId)) {
            g.put(objectId, grants.get(objectId));
        }
        if (owners.containsKey(objectId)) {
            o.put(objectId, owners.get(objectId));
        }
        return new Authorization(privilegesManaged, ownershipManaged, g, o, roles, newObjectGrants);
    }

    /** The same authorization with the column-level grants of a renamed column following it. */
    public Authorization renameColumn(String tableId, String oldName, String newName) {
        SortedMap<String, SortedSet<Grant>> g = new TreeMap<>(grants);
        g.computeIfPresent(tableId, (k, set) -> set.stream().map(x -> oldName.equals(x.column())
                ? new Grant(x.grantee(), x.privilege(), newName, x.grantable()) : x)
                .collect(Collectors.toCollection(TreeSet::new)));
        return new Authorization(privilegesManaged, ownershipManaged, g, owners, roles, newObjectGrants);
    }

    /** Deterministic text for the schema hash: grants and owners only, and only what is managed. */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        if (privilegesManaged) {
            grants.forEach((id, set) -> sb.append("\ngrants ").append(id).append(' ')
                    .append(set.stream().map(Grant::toString).collect(Collectors.joining(","))));
        }
        if (ownershipManaged) {
            owners.forEach((id, owner) -> sb.append("\nowner ").append(id).append(' ').append(owner));
        }
        return sb.toString();
    }
}
