package dev.converge.engine;

import dev.converge.common.events.StateFile;
import dev.converge.engine.diff.Rename;
import dev.converge.engine.introspect.IntrospectOptions;
import dev.converge.engine.introspect.Introspector;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.shadow.ShadowDatabase;
import dev.converge.engine.source.RenameHint;
import dev.converge.engine.source.RenameHints;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.source.StateFileException;
import dev.converge.engine.source.StateFileValidator;
import dev.converge.engine.source.StateFiles;
import dev.converge.engine.source.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The engine's front door: plan a target towards a desired source, or export a target as state files.
 * Blocking; must not be called on a Vert.x event-loop thread.
 */
public final class SchemaEngine {

    private final Introspector introspector;
    private final Planner planner;
    private final StateFileValidator validator = new StateFileValidator();

    public SchemaEngine() {
        this(new Introspector(), new Planner());
    }

    public SchemaEngine(Introspector introspector, Planner planner) {
        this.introspector = introspector;
        this.planner = planner;
    }

    public Plan plan(DbConn target, DesiredSource desired, PlanOptions options) {
        return plan(target, desired, options, IntrospectOptions.defaults());
    }

    /**
     * State files are checked against the allowlist before any of their statements runs; the target and the
     * desired side are read concurrently (two connections) and diffed.
     */
    public Plan plan(DbConn target, DesiredSource desired, PlanOptions requestedPlan, IntrospectOptions requested) {
        // Privileges and owners are hashed and planned when managed (either option turns them on); they are read anyway.
        boolean privileges = requestedPlan.managePrivileges() || requested.managePrivileges();
        boolean ownership = requestedPlan.manageOwnership() || requested.manageOwnership();
        IntrospectOptions introspectOptions = requested.withAuthorization(privileges, ownership);
        PlanOptions options = requestedPlan.withAuthorization(privileges, ownership);
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "converge-plan");
            t.setDaemon(true);
            return t;
        });
        try {
            if (desired instanceof DesiredSource.Files files) {
                return planFiles(pool, target, files, options, introspectOptions);
            }
            CompletableFuture<SchemaModel> current = readTarget(pool, target, introspectOptions);
            CompletableFuture<SchemaModel> wanted = async(pool, () -> Timing.time("desired side",
                    () -> desiredModel(target, desired, null, introspectOptions)));
            return diff(current, wanted, options);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The empty shadow database is created while the allowlist checks the files (creating it runs nothing from
     * them; on a small change the connection and {@code CREATE DATABASE} cost as much as the check). The
     * statements run in it only once every one was accepted; a refusal drops the shadow before it is reported.
     * The target is read while the shadow loads.
     */
    private Plan planFiles(ExecutorService pool, DbConn target, DesiredSource.Files files, PlanOptions options,
                           IntrospectOptions introspectOptions) {
        CompletableFuture<ShadowDatabase.Created> shadow = async(pool, () -> shadowFor(target, files).create());
        ValidationResult checked;
        PlanOptions planOptions;
        try {
            checked = Timing.time("validate", () -> validate(files.files()));
            List<Rename> renames = new ArrayList<>(options.renames());
            renames.addAll(declaredRenames(files.files()));
            planOptions = options.withRenames(renames);
        } catch (RuntimeException refused) {
            // the refusal is what the user must see; a shadow that could not be created does not matter then
            shadow.thenAccept(ShadowDatabase.Created::discard).exceptionally(e -> null).join();
            throw refused;
        }
        CompletableFuture<SchemaModel> current = readTarget(pool, target, introspectOptions);
        CompletableFuture<SchemaModel> wanted = shadow.thenApplyAsync(created -> Timing.time("desired side",
                () -> created.loadKeeping(checked.accepted(), db -> Timing.time("introspect shadow",
                        () -> introspector.introspect(db, introspectOptions)))), pool);
        // DROP DATABASE waits for a checkpoint: let it run while the models are diffed, but return only once it is done
        CompletableFuture<Void> dropped = wanted.handleAsync((model, e) -> {
            if (!shadow.isCompletedExceptionally()) {
                shadow.join().drop(); // already dropped (a no-op) when loading failed
            }
            return null;
        }, pool);
        Plan plan;
        try {
            plan = diff(current, wanted, planOptions);
        } catch (RuntimeException e) {
            dropped.exceptionally(ignored -> null).join();
            throw e;
        }
        join(dropped);
        return plan;
    }

    private CompletableFuture<SchemaModel> readTarget(ExecutorService pool, DbConn target, IntrospectOptions introspectOptions) {
        return async(pool, () -> Timing.time("introspect target", () -> introspector.introspect(target, introspectOptions)));
    }

    private Plan diff(CompletableFuture<SchemaModel> current, CompletableFuture<SchemaModel> wanted, PlanOptions options) {
        // wait for both sides before reporting, so that a failing target never abandons a shadow mid-way
        CompletableFuture.allOf(current, wanted).exceptionally(e -> null).join();
        SchemaModel base = join(current);
        SchemaModel goal = join(wanted);
        return Timing.time("diff + plan", () -> planner.plan(base, goal, options));
    }

    /** Reads the desired side into a model (shadow database for files). */
    public SchemaModel desiredModel(DbConn target, DesiredSource desired, IntrospectOptions introspectOptions) {
        ValidationResult checked = desired instanceof DesiredSource.Files files ? validate(files.files()) : null;
        return desiredModel(target, desired, checked, introspectOptions);
    }

    private SchemaModel desiredModel(DbConn target, DesiredSource desired, ValidationResult checked,
                                     IntrospectOptions introspectOptions) {
        if (desired instanceof DesiredSource.Database database) {
            return introspector.introspect(database.database(), introspectOptions);
        }
        DesiredSource.Files files = (DesiredSource.Files) desired;
        return shadowFor(target, files).run(checked.accepted(), shadow -> introspector.introspect(shadow, introspectOptions));
    }

    /**
     * Splits and checks state files; throws {@link StateFileException} naming every refused statement, or an
     * {@link EngineException} for a misplaced rename annotation (silently ignoring one would plan a drop + add).
     */
    public ValidationResult validate(List<StateFile> files) {
        List<SqlStatement> statements = StateFiles.statements(files);
        ValidationResult result = validator.validate(statements);
        if (!result.isValid()) {
            throw new StateFileException(result.violations());
        }
        RenameHints.of(statements);
        return result;
    }

    /**
     * The {@code -- converge:renamed-from} annotations of state files as the planner's declared renames;
     * unqualified names are resolved with the search_path the files set, else {@code public}.
     */
    public static List<Rename> declaredRenames(List<StateFile> files) {
        List<Rename> renames = new ArrayList<>();
        for (RenameHint h : RenameHints.resolved(StateFiles.statements(files), "public")) {
            renames.add(new Rename(Rename.Kind.valueOf(h.kind().name()), h.schema(), h.parent(), h.oldName(), h.newName()));
        }
        return renames;
    }

    /**
     * Writes the target's schema as state files into {@code dir}; see {@link Exporter}. With
     * {@link IntrospectOptions#managePrivileges()} / {@link IntrospectOptions#manageOwnership()} the files also
     * carry the GRANT / REVOKE and {@code ALTER … OWNER TO} statements that reproduce the target's privileges and owners.
     */
    public Exporter.Result export(DbConn target, java.nio.file.Path dir, IntrospectOptions introspectOptions) {
        SchemaModel current = introspector.introspect(target, introspectOptions);
        Plan fromEmpty = planner.plan(emptyDatabase(target, current, introspectOptions), current,
                PlanOptions.defaults().withOnlineForms(false)
                        .withAuthorization(introspectOptions.managePrivileges(), introspectOptions.manageOwnership()));
        return Exporter.write(fromEmpty, dir);
    }

    /**
     * What a new database already contains (the {@code public} schema), read from a real empty shadow database
     * on the target's server; if no shadow can be created there, the {@code public} schema as the target has it.
     */
    private SchemaModel emptyDatabase(DbConn target, SchemaModel current, IntrospectOptions introspectOptions) {
        try {
            return new ShadowDatabase(target).run(List.of(), empty -> introspector.introspect(empty, introspectOptions));
        } catch (EngineException e) {
            if (e.code() != EngineException.Code.SHADOW_FAILED) {
                throw e;
            }
            String publicSchema = DbObject.schemaId("public");
            return SchemaModel.of(current.serverVersionNum(), current.get(publicSchema).stream().toList())
                    .withAuthorization(current.authorization().restrictedTo(publicSchema));
        }
    }

    /** The shadow for state files: on their shadow server if one was chosen, else on the target's own server. */
    private static ShadowDatabase shadowFor(DbConn target, DesiredSource.Files files) {
        return new ShadowDatabase(files.shadowServer() != null ? files.shadowServer() : target, files.allowedExtensions());
    }

    private static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new EngineException(EngineException.Code.INTERNAL, String.valueOf(e.getCause()), null, e.getCause());
        }
    }
}
