package dev.converge.common.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The validated configuration shared by all services: instances, environments (in rollout order) and
 * projects. Built from flat {@code converge.*} properties so that it can come from application.properties,
 * environment variables or a test map alike:
 *
 * <pre>
 * converge.instances.demo.host=127.0.0.1
 * converge.instances.demo.port=5432
 * converge.instances.demo.username=postgres
 * converge.instances.demo.password=secret
 * converge.instances.demo.shadow-instance=scratch        (optional)
 * converge.environments.test.policy=automatic
 * converge.environments.prod.after=test
 * converge.environments.prod.policy=approval
 * converge.environments.prod.approver-role=approver
 * converge.environments.prod.submitter-may-approve=false
 * converge.projects.hr.environments.test.targets=demo/hr_test
 * converge.projects.hr.environments.prod.targets=demo/hr_prod
 * </pre>
 */
public record ConvergeConfig(Map<String, Instance> instances, List<Environment> environments, Map<String, Project> projects) {
    public static final String PREFIX = "converge.";

    public ConvergeConfig {
        instances = Collections.unmodifiableMap(new LinkedHashMap<>(instances));
        environments = List.copyOf(environments);
        projects = Collections.unmodifiableMap(new LinkedHashMap<>(projects));
    }

    public Environment environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    public Instance instance(String name) {
        return instances.get(name);
    }

    public Project project(String name) {
        return projects.get(name);
    }

    /** Parses and validates; throws {@link ConfigException} with a one-line message on the first problem. */
    public static ConvergeConfig fromProperties(Map<String, String> properties) {
        Map<String, Map<String, String>> instanceProps = group(properties, "instances");
        Map<String, Map<String, String>> envProps = group(properties, "environments");
        Map<String, Map<String, String>> projectProps = group(properties, "projects");

        Map<String, Instance> instances = new TreeMap<>();
        instanceProps.forEach((name, p) -> instances.put(name, instance(name, p)));
        instances.values().forEach(i -> {
            if (i.shadowInstance() != null && !instances.containsKey(i.shadowInstance())) {
                throw new ConfigException("converge.instances." + i.name() + ".shadow-instance: unknown instance '"
                        + i.shadowInstance() + "'");
            }
        });

        Map<String, Environment> envs = new TreeMap<>();
        envProps.forEach((name, p) -> envs.put(name, environment(name, p)));
        List<Environment> ordered = order(envs);

        Map<String, Project> projects = new TreeMap<>();
        projectProps.forEach((name, p) -> projects.put(name, project(name, p, instances, envs)));
        return new ConvergeConfig(instances, ordered, projects);
    }

    private static Map<String, Map<String, String>> group(Map<String, String> properties, String section) {
        String prefix = PREFIX + section + ".";
        Map<String, Map<String, String>> out = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                String rest = k.substring(prefix.length());
                int dot = rest.indexOf('.');
                if (dot <= 0) {
                    throw new ConfigException(k + ": expected " + prefix + "<name>.<property>");
                }
                out.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>()).put(rest.substring(dot + 1), v.trim());
            }
        });
        return out;
    }

    private static Instance instance(String name, Map<String, String> p) {
        String where = "converge.instances." + name;
        checkKnown(where, p, Set.of("host", "port", "username", "password", "shadow-instance"));
        String host = p.getOrDefault("host", "127.0.0.1");
        int port;
        try {
            port = Integer.parseInt(p.getOrDefault("port", "5432"));
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ".port: '" + p.get("port") + "' is not a number");
        }
        if (port <= 0 || port > 65535) {
            throw new ConfigException(where + ".port: " + port + " is not a valid port");
        }
        String password = p.get("password");
        return new Instance(name, host, port, p.getOrDefault("username", "postgres"),
                password == null || password.isEmpty() ? null : password, p.get("shadow-instance"));
    }

    private static Environment environment(String name, Map<String, String> p) {
        String where = "converge.environments." + name;
        checkKnown(where, p, Set.of("after", "policy", "approver-role", "submitter-may-approve"));
        String policy = p.getOrDefault("policy", "automatic").toLowerCase();
        Policy parsed;
        switch (policy) {
            case "automatic" -> parsed = Policy.automatic();
            case "approval" -> parsed = Policy.approval(p.getOrDefault("approver-role", "approver"),
                    Boolean.parseBoolean(p.getOrDefault("submitter-may-approve", "false")));
            default -> throw new ConfigException(where + ".policy: '" + policy + "' is neither 'automatic' nor 'approval'");
        }
        String after = p.get("after");
        return new Environment(name, after == null || after.isEmpty() ? null : after, parsed);
    }

    /** Orders environments by their {@code after} links; rejects unknown predecessors, forks and cycles. */
    private static List<Environment> order(Map<String, Environment> envs) {
        Map<String, String> successorOf = new HashMap<>();
        List<Environment> roots = new ArrayList<>();
        for (Environment e : envs.values()) {
            if (e.after() == null) {
                roots.add(e);
                continue;
            }
            if (!envs.containsKey(e.after())) {
                throw new ConfigException("converge.environments." + e.name() + ".after: unknown environment '" + e.after() + "'");
            }
            String previous = successorOf.put(e.after(), e.name());
            if (previous != null) {
                throw new ConfigException("converge.environments: both '" + previous + "' and '" + e.name()
                        + "' come after '" + e.after() + "'; environments form one ordered chain");
            }
        }
        if (!envs.isEmpty() && roots.isEmpty()) {
            throw new ConfigException("converge.environments: cycle in 'after' links among " + envs.keySet());
        }
        if (roots.size() > 1) {
            throw new ConfigException("converge.environments: " + roots.stream().map(Environment::name).toList()
                    + " all have no 'after'; exactly one environment comes first");
        }
        List<Environment> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cur = roots.isEmpty() ? null : roots.get(0).name(); cur != null; cur = successorOf.get(cur)) {
            if (!seen.add(cur)) {
                break;
            }
            ordered.add(envs.get(cur));
        }
        if (ordered.size() != envs.size()) {
            List<String> rest = envs.keySet().stream().filter(n -> !seen.contains(n)).sorted().toList();
            throw new ConfigException("converge.environments: cycle in 'after' links among " + rest);
        }
        return ordered;
    }

    private static Project project(String name, Map<String, String> p, Map<String, Instance> instances,
                                   Map<String, Environment> envs) {
        String where = "converge.projects." + name;
        Map<String, List<TargetRef>> targets = new LinkedHashMap<>();
        Map<TargetRef, String> seen = new HashMap<>();
        for (Map.Entry<String, String> e : p.entrySet()) {
            String key = e.getKey();
            if (SWITCHES.contains(key) || key.equals(ALLOWED_EXTENSIONS)) {
                continue;
            }
            if (!key.startsWith("environments.") || !key.endsWith(".targets")) {
                throw new ConfigException(where + "." + key + ": unknown property (expected environments.<env>.targets, "
                        + String.join(", ", SWITCHES) + " or " + ALLOWED_EXTENSIONS + ")");
            }
            String env = key.substring("environments.".length(), key.length() - ".targets".length());
            if (!envs.containsKey(env)) {
                throw new ConfigException(where + "." + key + ": unknown environment '" + env + "'");
            }
            List<TargetRef> refs = new ArrayList<>();
            for (String raw : e.getValue().split(",")) {
                if (raw.isBlank()) {
                    continue;
                }
                TargetRef ref;
                try {
                    ref = TargetRef.parse(raw);
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException(where + "." + key + ": " + ex.getMessage());
                }
                if (!instances.containsKey(ref.instance())) {
                    throw new ConfigException(where + "." + key + ": target '" + ref + "' names unknown instance '"
                            + ref.instance() + "'");
                }
                String other = seen.put(ref, env);
                if (other != null) {
                    throw new ConfigException(where + ": duplicate target '" + ref + "' (in environments '" + other
                            + "' and '" + env + "')");
                }
                refs.add(ref);
            }
            targets.put(env, List.copyOf(refs));
        }
        if (targets.isEmpty()) {
            throw new ConfigException(where + ": no targets (set " + where + ".environments.<env>.targets)");
        }
        return new Project(name, targets, flag(where, p, "manage-privileges"), flag(where, p, "manage-ownership"),
                extensionNames(where, p));
    }

    /** Per-project switches; both default to false. */
    private static final List<String> SWITCHES = List.of("manage-privileges", "manage-ownership");
    private static final String ALLOWED_EXTENSIONS = "allowed-extensions";
    private static final java.util.regex.Pattern EXTENSION_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** {@code allowed-extensions}: comma-separated extension names, as {@code CREATE EXTENSION} names them. */
    private static Set<String> extensionNames(String where, Map<String, String> p) {
        Set<String> names = new java.util.TreeSet<>();
        for (String raw : p.getOrDefault(ALLOWED_EXTENSIONS, "").split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!EXTENSION_NAME.matcher(name).matches()) {
                throw new ConfigException(where + "." + ALLOWED_EXTENSIONS + ": '" + name + "' is not an extension name");
            }
            names.add(name);
        }
        return names;
    }

    private static boolean flag(String where, Map<String, String> p, String key) {
        String value = p.getOrDefault(key, "false").trim().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigException(where + "." + key + ": '" + p.get(key) + "' is neither 'true' nor 'false'");
        }
        return value.equals("true");
    }

    private static void checkKnown(String where, Map<String, String> p, Set<String> known) {
        for (String k : p.keySet()) {
            if (!known.contains(k)) {
                throw new ConfigException(where + "." + k + ": unknown property (known: " + new TreeMap<>(
                        known.stream().collect(java.util.stream.Collectors.toMap(x -> x, x -> ""))).keySet() + ")");
            }
        }
    }

    /** The project's targets in rollout order of their environments. */
    public List<TargetRef> targetsInOrder(Project project) {
        List<TargetRef> out = new ArrayList<>();
        for (Environment e : environments) {
            out.addAll(project.targets().getOrDefault(e.name(), List.of()));
        }
        return out;
    }
}
