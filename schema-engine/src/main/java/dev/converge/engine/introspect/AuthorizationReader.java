package dev.converge.engine.introspect;

import dev.converge.engine.model.Authorization;
import dev.converge.engine.model.Grant;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.SequenceDef;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the rows of {@link AuthorizationQueries} into the model's {@link Authorization}, keeping only objects the
 * model holds (so exclusions, extension members and identity sequences fall away). Read also for what is not
 * managed: whether it is managed only decides what is hashed and planned from the desired side.
 */
final class AuthorizationReader {
    private AuthorizationReader() {
    }

    static Authorization read(SchemaModel model, IntrospectOptions options, RowSet<Row> acls, RowSet<Row> owners,
                              RowSet<Row> roles, RowSet<Row> newObjectGrants) {
        SortedMap<String, SortedSet<Grant>> grants = new TreeMap<>();
        for (Row r : acls) {
            String id = r.getString("id");
            if (model.objects().containsKey(id)) {
                grants.computeIfAbsent(id, k -> new TreeSet<>()).add(grant(r, r.getString("col")));
            }
        }
        SortedMap<String, String> ownerById = new TreeMap<>();
        for (Row r : owners) {
            String id = r.getString("id");
            // A sequence owned by a column follows its table's owner; PostgreSQL refuses to change it alone.
            if (model.objects().get(id) != null && !(model.objects().get(id) instanceof SequenceDef s && s.ownedBy() != null)) {
                ownerById.put(id, r.getString("owner"));
            }
        }
        SortedSet<String> roleNames = new TreeSet<>();
        for (Row r : roles) {
            roleNames.add(r.getString("rolname"));
        }
        SortedMap<String, SortedSet<Grant>> initial = new TreeMap<>();
        for (Row r : newObjectGrants) {
            String schema = r.getString("nspname");
            String key = Authorization.newObjectKey(r.getString("defkind").charAt(0), schema == null ? "" : schema);
            initial.computeIfAbsent(key, k -> new TreeSet<>()).add(grant(r, null));
        }
        return new Authorization(options.managePrivileges(), options.manageOwnership(), grants, ownerById, roleNames, initial);
    }

    private static Grant grant(Row r, String column) {
        return new Grant(r.getString("grantee"), r.getString("privilege_type"), column, r.getBoolean("is_grantable"));
    }
}
