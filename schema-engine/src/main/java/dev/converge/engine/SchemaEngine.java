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
     * State files are checked against the allowlist before any database is touched; then the target and the
     * desired side are read concurrently (two connections) and diffed.
     */
    public Plan plan(DbConn target, DesiredSource desired, PlanOptions options, IntrospectOptions introspectOptions) {
        ValidationResult checked = null;
        PlanOptions planOptions = options;
        if (desired instanceof DesiredSource.Files files) {
            checked = validate(files.files());
            List<Rename> renames = new ArrayList<>(options.renames());
            renames.addAll(declaredRenames(files.files()));
            planOptions = options.withRenames(renames);
        }
        ValidationResult validated = checked;
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "converge-plan");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<SchemaModel> current = async(pool, () -> introspector.introspect(target, introspectOptions));
            CompletableFuture<SchemaModel> wanted = async(pool, () -> desiredModel(target, desired, validated, introspectOptions));
            // wait for both sides before reporting, so that a failing target never abandons a shadow mid-way
            CompletableFuture.allOf(current, wanted).exceptionally(e -> null).join();
            return planner.plan(join(current), join(wanted), planOptions);
        } finally {
            pool.shutdown();
        }
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
        DbConn server = files.shadowServer() != null ? files.shadowServer() : target;
        return new ShadowDatabase(server).run(checked.accepted(), shadow -> introspector.introspect(shadow, introspectOptions));
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

    /** Writes the target's schema as state files into {@code dir}; see {@link Exporter}. */
    public Exporter.Result export(DbConn target, java.nio.file.Path dir, IntrospectOptions introspectOptions) {
        SchemaModel current = introspector.introspect(target, introspectOptions);
        Plan fromEmpty = planner.plan(emptyDatabase(target, current, introspectOptions), current,
                PlanOptions.defaults().withOnlineForms(false));
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
            return SchemaModel.of(current.serverVersionNum(),
                    current.get(DbObject.schemaId("public")).stream().toList());
        }
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
