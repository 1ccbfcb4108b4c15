package dev.converge.engine.plan;

import dev.converge.engine.diff.Change;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.Grant;
import dev.converge.engine.model.Ident;
import dev.converge.engine.model.TableDef;
import dev.converge.engine.model.ViewDef;

/** SQL of privilege and owner changes. */
final class AuthorizationSql {
    private AuthorizationSql() {
    }

    /** Graph key the grant steps of an object create, so that its owner change runs after them. */
    static String privilegesId(DbObject o) {
        return "privileges:" + o.id();
    }

    static String privileges(Change.ChangePrivileges p) {
        String privs = p.privilegeList();
        String on = " ON " + grantTarget(p.object());
        String grantee = Grant.granteeSql(p.grantee());
        return switch (p.action()) {
            case GRANT -> "GRANT " + privs + on + " TO " + grantee;
            case GRANT_WITH_GRANT_OPTION -> "GRANT " + privs + on + " TO " + grantee + " WITH GRANT OPTION";
            case REVOKE -> "REVOKE " + privs + on + " FROM " + grantee;
            case REVOKE_GRANT_OPTION -> "REVOKE GRANT OPTION FOR " + privs + on + " FROM " + grantee;
        };
    }

    static String owner(Change.SetOwner o) {
        return "ALTER " + Differ.commentTarget(o.object()) + " OWNER TO " + (o.to() == null ? "CURRENT_USER" : Ident.quote(o.to()));
    }

    /** GRANT knows views only as {@code TABLE}; every other kind is named as in COMMENT ON. */
    private static String grantTarget(DbObject o) {
        if (o instanceof TableDef t) {
            return "TABLE " + t.name().sql();
        } else if (o instanceof ViewDef v) {
            return "TABLE " + v.name().sql();
        }
        return Differ.commentTarget(o);
    }
}
