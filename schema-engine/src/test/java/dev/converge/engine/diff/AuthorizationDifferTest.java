package dev.converge.engine.diff;

import dev.converge.engine.EngineException;
import dev.converge.engine.model.Authorization;
import dev.converge.engine.model.ColumnDef;
import dev.converge.engine.model.EnumDef;
import dev.converge.engine.model.Grant;
import dev.converge.engine.model.QName;
import dev.converge.engine.model.SchemaDef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.TableDef;
import dev.converge.engine.model.ViewDef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Privilege and owner diffs on hand-built models: unknown roles, new objects' defaults, grant options, what a
 * replaced object keeps.
 */
class AuthorizationDifferTest {
    private static final TableDef ORDERS = new TableDef(new QName("public", "orders"), false,
            List.of(new ColumnDef("id", "integer", null, false, null, null, null, null, null, null, Set.of(), Set.of())),
            List.of(), List.of(), false, false, null, List.of());
    private static final EnumDef MOOD = new EnumDef(new QName("public", "mood"), List.of("happy", "meh", "sad"), null);
    private static final EnumDef MOOD_SWAPPED = new EnumDef(new QName("public", "mood"), List.of("sad", "happy"), null);
    private static final ViewDef PRICED = view("SELECT id, price, note FROM public.items", List.of("id", "price", "note"));
    private static final ViewDef PRICED_WITHOUT_NOTE = view("SELECT id, price FROM public.items", List.of("id", "price"));
    private static final Set<String> TARGET_ROLES = Set.of("postgres", "pv_reader");

    @Test
    void grantToARoleTheTargetLacksFailsNamingRoleAndObject() {
        SchemaModel current = model(Map.of(), Map.of());
        SchemaModel desired = model(Map.of(ORDERS.id(), Set.of(new Grant("pv_ghost", "SELECT", null, false))), Map.of());

        assertThatThrownBy(() -> diff(current, desired))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineException.Code.UNKNOWN_ROLE))
                .hasMessageContaining("\"pv_ghost\"")
                .hasMessageContaining("table public.orders")
                .hasMessageContaining("does not exist on the target");
    }

    @Test
    void ownerThatTheTargetLacksFailsNamingRoleAndObject() {
        SchemaModel current = model(Map.of(), Map.of());
        SchemaModel desired = model(Map.of(), Map.of(ORDERS.id(), "pv_ghost_owner"));

        assertThatThrownBy(() -> diff(current, desired))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineException.Code.UNKNOWN_ROLE))
                .hasMessageContaining("\"pv_ghost_owner\"")
                .hasMessageContaining("table public.orders");
    }

    @Test
    void revokingFromARoleTheDesiredSideNoLongerNamesNeedsNoCheckAndPublicIsNoRole() {
        SchemaModel current = model(Map.of(ORDERS.id(), Set.of(new Grant("pv_reader", "SELECT", null, false))), Map.of());
        SchemaModel desired = model(Map.of(ORDERS.id(), Set.of(new Grant("PUBLIC", "SELECT", null, false))), Map.of());

        List<Change> changes = diff(current, desired);

        assertThat(changes).extracting(Change::describe).containsExactly(
                "grant SELECT on table public.orders to PUBLIC", "revoke SELECT on table public.orders from pv_reader");
    }

    @Test
    void grantOptionAloneIsGrantedOrRevoked() {
        SchemaModel current = model(Map.of(ORDERS.id(), Set.of(new Grant("pv_reader", "SELECT", null, false),
                new Grant("pv_reader", "UPDATE", "id", true))), Map.of());
        SchemaModel desired = model(Map.of(ORDERS.id(), Set.of(new Grant("pv_reader", "SELECT", null, true),
                new Grant("pv_reader", "UPDATE", "id", false))), Map.of());

        assertThat(diff(current, desired)).extracting(Change::describe).containsExactlyInAnyOrder(
                "grant SELECT on table public.orders to pv_reader with grant option",
                "revoke grant option for UPDATE (id) on table public.orders from pv_reader");
    }

    @Test
    void anObjectThePlanCreatesStartsWithTheTargetsDefaultsForNewObjects() {
        // the target's ALTER DEFAULT PRIVILEGES give new tables in public SELECT for pv_reader
        Authorization targetAuth = new Authorization(true, true, new TreeMap<>(), new TreeMap<>(), new TreeSet<>(TARGET_ROLES),
                new TreeMap<>(Map.of(Authorization.newObjectKey('r', "public"), sorted(new Grant("pv_reader", "SELECT", null, false)))));
        SchemaModel current = SchemaModel.of(150000, List.of(new SchemaDef("public", null))).withAuthorization(targetAuth);
        SchemaModel desired = model(Map.of(ORDERS.id(), Set.of(new Grant("pv_reader", "SELECT", null, false))), Map.of());
        List<Change> objectChanges = List.of(new Change.CreateObject(ORDERS));

        assertThat(AuthorizationDiffer.diff(current, desired, objectChanges, true, true)).isEmpty();
    }

    @Test
    void nothingIsComparedWhenNotManaged() {
        SchemaModel current = model(Map.of(), Map.of());
        SchemaModel desired = model(Map.of(ORDERS.id(), Set.of(new Grant("pv_ghost", "SELECT", null, false))),
                Map.of(ORDERS.id(), "pv_ghost"));

        assertThat(AuthorizationDiffer.diff(current, desired, List.of(), false, false)).isEmpty();
    }

    @Test
    void aSwappedEnumStartsLikeATypeThePlanCreatesWhenManaged() {
        Authorization target = typeAuthorization(true, Map.of(MOOD.id(), "pv_owner"));
        SchemaModel current = SchemaModel.of(150000, List.of(new SchemaDef("public", null), MOOD)).withAuthorization(target);
        SchemaModel desired = SchemaModel.of(150000, List.of(new SchemaDef("public", null), MOOD_SWAPPED)).withAuthorization(target);
        List<Change> objectChanges = List.of(new Change.SwapEnum(MOOD, MOOD_SWAPPED, List.of()));

        assertThat(AuthorizationDiffer.diff(current, desired, objectChanges, true, true)).extracting(Change::describe)
                .containsExactly("grant USAGE on type public.mood to pv_reader", "revoke USAGE on type public.mood from PUBLIC",
                        "owner of type public.mood (default) -> pv_owner");
    }

    @Test
    void aSwappedEnumKeepsItsCurrentGrantsAndOwnerWhenNotManaged() {
        // read for enum types although nothing is managed; the desired side is not consulted
        Authorization target = typeAuthorization(false, Map.of(MOOD.id(), "pv_owner"));
        SchemaModel current = SchemaModel.of(150000, List.of(new SchemaDef("public", null), MOOD)).withAuthorization(target);
        SchemaModel desired = SchemaModel.of(150000, List.of(new SchemaDef("public", null), MOOD_SWAPPED));
        List<Change> objectChanges = List.of(new Change.SwapEnum(MOOD, MOOD_SWAPPED, List.of()));

        assertThat(AuthorizationDiffer.diff(current, desired, objectChanges, false, false)).extracting(Change::describe)
                .containsExactly(
                        "grant USAGE on type public.mood to pv_reader (kept: enum public.mood is replaced by a new type)",
                        "revoke USAGE on type public.mood from PUBLIC (kept: enum public.mood is replaced by a new type)",
                        "owner of type public.mood (default) -> pv_owner (kept: enum public.mood is replaced by a new type)");
        assertThat(AuthorizationDiffer.diff(current, desired, List.of(), false, false)).as("no swap, nothing kept").isEmpty();
    }

    @Test
    void aRecreatedViewKeepsItsCurrentGrantsAndOwnerWhenNotManagedButNotTheRunningRolesDefaults() {
        // the running role's ALTER DEFAULT PRIVILEGES give a new view SELECT for pv_other: the recreated one must not keep it
        Authorization target = new Authorization(false, false, new TreeMap<>(Map.of(PRICED.id(), sorted(
                new Grant("pv_reader", "SELECT", null, true), new Grant("pv_clerk", "UPDATE", "price", false),
                new Grant("pv_clerk", "UPDATE", "note", false)))), new TreeMap<>(Map.of(PRICED.id(), "pv_owner")),
                new TreeSet<>(Set.of("postgres", "pv_reader", "pv_clerk", "pv_owner", "pv_other")),
                new TreeMap<>(Map.of(Authorization.newObjectKey('r', "public"), sorted(new Grant("pv_other", "SELECT", null, false)))));
        SchemaModel current = SchemaModel.of(150000, List.of(new SchemaDef("public", null), PRICED)).withAuthorization(target);
        SchemaModel desired = SchemaModel.of(150000, List.of(new SchemaDef("public", null), PRICED_WITHOUT_NOTE));
        List<Change> recreate = List.of(new Change.DropObject(PRICED, "column public.items.price changes type to bigint"),
                new Change.CreateObject(PRICED_WITHOUT_NOTE));

        assertThat(AuthorizationDiffer.diff(current, desired, recreate, false, false)).extracting(Change::describe)
                .containsExactly(
                        "grant UPDATE (price) on view public.priced to pv_clerk (kept: view public.priced is recreated)",
                        "grant SELECT on view public.priced to pv_reader with grant option (kept: view public.priced is recreated)",
                        "revoke SELECT on view public.priced from pv_other (kept: view public.priced is recreated)",
                        "owner of view public.priced (default) -> pv_owner (kept: view public.priced is recreated)");
    }

    @Test
    void anObjectOnlyDroppedOrOnlyCreatedKeepsNothing() {
        Authorization target = new Authorization(false, false, new TreeMap<>(Map.of(PRICED.id(), sorted(
                new Grant("pv_reader", "SELECT", null, false)))), new TreeMap<>(Map.of(PRICED.id(), "pv_owner")),
                new TreeSet<>(TARGET_ROLES), new TreeMap<>());
        SchemaModel current = SchemaModel.of(150000, List.of(new SchemaDef("public", null), PRICED)).withAuthorization(target);
        SchemaModel desired = SchemaModel.of(150000, List.of(new SchemaDef("public", null)));

        assertThat(AuthorizationDiffer.diff(current, desired, List.of(new Change.DropObject(PRICED)), false, false)).isEmpty();
        assertThat(AuthorizationDiffer.diff(current, desired, List.of(new Change.CreateObject(PRICED)), false, false)).isEmpty();
    }

    private static ViewDef view(String definition, List<String> columns) {
        return new ViewDef(new QName("public", "priced"), false, definition, List.of(), null, Map.of(), List.of(), columns);
    }

    /** USAGE for pv_reader, none for PUBLIC (revoked); a new type would get PUBLIC's USAGE. */
    private static Authorization typeAuthorization(boolean managed, Map<String, String> owners) {
        return new Authorization(managed, managed, new TreeMap<>(Map.of(MOOD.id(), sorted(new Grant("pv_reader", "USAGE", null, false)))),
                new TreeMap<>(owners), new TreeSet<>(Set.of("postgres", "pv_reader", "pv_owner")),
                new TreeMap<>(Map.of(Authorization.newObjectKey('T', ""), sorted(new Grant("PUBLIC", "USAGE", null, false)))));
    }

    private static List<Change> diff(SchemaModel current, SchemaModel desired) {
        return AuthorizationDiffer.diff(current, desired, List.of(), true, true);
    }

    private static SchemaModel model(Map<String, Set<Grant>> grants, Map<String, String> owners) {
        SortedMap<String, SortedSet<Grant>> g = new TreeMap<>();
        grants.forEach((k, v) -> g.put(k, new TreeSet<>(v)));
        Authorization auth = new Authorization(true, true, g, new TreeMap<>(owners), new TreeSet<>(TARGET_ROLES), new TreeMap<>());
        return SchemaModel.of(150000, List.of(new SchemaDef("public", null), ORDERS)).withAuthorization(auth);
    }

    private static SortedSet<Grant> sorted(Grant... grants) {
        return new TreeSet<>(List.of(grants));
    }
}
