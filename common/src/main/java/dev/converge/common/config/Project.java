package dev.converge.common.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project: for each environment, the target databases that receive the project's schema.
 * {@code targets} keys are environment names.
 *
 * @param managePrivileges  {@code converge.projects.<p>.manage-privileges}: plans also GRANT / REVOKE (default false)
 * @param manageOwnership   {@code converge.projects.<p>.manage-ownership}: plans also {@code ALTER … OWNER TO} (default false)
 * @param allowedExtensions {@code converge.projects.<p>.allowed-extensions} (comma-separated): extensions the server does
 *                          not mark trusted that the project's state files may still create in the shadow database,
 *                          with the shadow server user's rights (default none; trusted extensions need no entry)
 */
public record Project(String name, Map<String, List<TargetRef>> targets, boolean managePrivileges, boolean manageOwnership,
                      Set<String> allowedExtensions) {
    public Project {
        targets = Map.copyOf(targets);
        allowedExtensions = allowedExtensions == null ? Set.of() : Set.copyOf(allowedExtensions);
    }

    public Project(String name, Map<String, List<TargetRef>> targets, boolean managePrivileges, boolean manageOwnership) {
        this(name, targets, managePrivileges, manageOwnership, Set.of());
    }

    public Project(String name, Map<String, List<TargetRef>> targets) {
        this(name, targets, false, false);
    }

    /** The environment a target belongs to in this project, or null if it is not a target of it. */
    public String environmentOf(TargetRef target) {
        for (Map.Entry<String, List<TargetRef>> e : targets.entrySet()) {
            if (e.getValue().contains(target)) {
                return e.getKey();
            }
        }
        return null;
    }
}
