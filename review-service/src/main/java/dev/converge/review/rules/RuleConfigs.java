package dev.converge.review.rules;

import dev.converge.common.config.ConfigException;
import dev.converge.common.events.Severity;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rule settings from flat {@code converge.review.*} properties, in four layers (later wins):
 *
 * <pre>
 * converge.review.rules.&lt;id&gt;.enabled=false                       all projects, all environments
 * converge.review.rules.&lt;id&gt;.severity=ERROR
 * converge.review.naming.table=^[a-z][a-z0-9_]*$                   (table | column | index | constraint)
 * converge.review.data-checks.enabled=true
 * converge.review.data-checks.timeout-ms=5000
 * converge.review.environments.&lt;env&gt;.(same keys)                  all projects, one environment
 * converge.review.projects.&lt;p&gt;.(same keys)                         one project
 * converge.review.projects.&lt;p&gt;.environments.&lt;env&gt;.(same keys)      one project in one environment
 * </pre>
 * Keys under {@code converge.review.ai.} belong to the AI review and are not read here.
 */
public final class RuleConfigs {
    public static final String PREFIX = "converge.review.";

    /** The settings of one layer. */
    private static final class Layer {
        final Map<String, Boolean> enabled = new HashMap<>();
        final Map<String, Severity> severities = new HashMap<>();
        final Map<String, Pattern> naming = new HashMap<>();
        Boolean dataChecks;
        Long timeoutMs;
    }

    private final Layer global = new Layer();
    private final Map<String, Layer> environments = new TreeMap<>();
    private final Map<String, Layer> projects = new TreeMap<>();
    private final Map<String, Layer> projectEnvironments = new TreeMap<>();

    private RuleConfigs() {
    }

    public static RuleConfigs defaults() {
        return new RuleConfigs();
    }

    /** Parses; throws {@link ConfigException} naming the property on the first bad key or value. */
    public static RuleConfigs fromProperties(Map<String, String> properties, Set<String> knownRuleIds) {
        RuleConfigs configs = new RuleConfigs();
        new TreeMap<>(properties).forEach((key, value) -> {
            if (key.startsWith(PREFIX) && !key.startsWith(PREFIX + "ai.")) {
                configs.read(key, key.substring(PREFIX.length()), value.trim(), knownRuleIds);
            }
        });
        return configs;
    }

    private void read(String key, String rest, String value, Set<String> knownRuleIds) {
        Layer layer = global;
        if (rest.startsWith("projects.")) {
            String[] parts = rest.split("\\.", 3);
            if (parts.length < 3) {
                throw new ConfigException(key + ": expected " + PREFIX + "projects.<project>.<setting>");
            }
            rest = parts[2];
            layer = projects.computeIfAbsent(parts[1], p -> new Layer());
            if (rest.startsWith("environments.")) {
                String[] env = rest.split("\\.", 3);
                if (env.length < 3) {
                    throw new ConfigException(key + ": expected ...environments.<environment>.<setting>");
                }
                rest = env[2];
                layer = projectEnvironments.computeIfAbsent(parts[1] + "/" + env[1], p -> new Layer());
            }
        } else if (rest.startsWith("environments.")) {
            String[] env = rest.split("\\.", 3);
            if (env.length < 3) {
                throw new ConfigException(key + ": expected " + PREFIX + "environments.<environment>.<setting>");
            }
            rest = env[2];
            layer = environments.computeIfAbsent(env[1], p -> new Layer());
        }
        readSetting(key, rest, value, layer, knownRuleIds);
    }

    private static void readSetting(String key, String setting, String value, Layer layer, Set<String> knownRuleIds) {
        if (setting.startsWith("rules.")) {
            String body = setting.substring("rules.".length());
            int dot = body.lastIndexOf('.');
            String id = dot < 0 ? body : body.substring(0, dot);
            String what = dot < 0 ? "" : body.substring(dot + 1);
            if (!knownRuleIds.contains(id)) {
                throw new ConfigException(key + ": unknown rule '" + id + "' (see docs/rules.md for the rule ids)");
            }
            if (what.equals("enabled")) {
                layer.enabled.put(id, bool(key, value));
            } else if (what.equals("severity")) {
                layer.severities.put(id, severity(key, value));
            } else {
                throw new ConfigException(key + ": unknown rule setting '" + what + "' (enabled, severity)");
            }
        } else if (setting.startsWith("naming.")) {
            String kind = setting.substring("naming.".length());
            if (!Set.of("table", "column", "index", "constraint").contains(kind)) {
                throw new ConfigException(key + ": unknown name kind '" + kind + "' (table, column, index, constraint)");
            }
            try {
                layer.naming.put(kind, Pattern.compile(value));
            } catch (PatternSyntaxException e) {
                throw new ConfigException(key + ": '" + value + "' is not a valid regular expression: " + e.getDescription());
            }
        } else if (setting.equals("data-checks.enabled")) {
            layer.dataChecks = bool(key, value);
        } else if (setting.equals("data-checks.timeout-ms")) {
            try {
                layer.timeoutMs = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ConfigException(key + ": '" + value + "' is not a number of milliseconds");
            }
            if (layer.timeoutMs <= 0) {
                throw new ConfigException(key + ": must be positive");
            }
        } else {
            throw new ConfigException(key + ": unknown review setting (rules.<id>.enabled|severity, naming.<kind>, "
                    + "data-checks.enabled, data-checks.timeout-ms)");
        }
    }

    private static boolean bool(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(key + ": '" + value + "' is neither true nor false");
        }
        return Boolean.parseBoolean(v);
    }

    private static Severity severity(String key, String value) {
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": '" + value + "' is not a severity (INFO, WARNING, ERROR)");
        }
    }

    /** The settings for a project in an environment: global, then environment, project, project+environment. */
    public RuleConfig resolve(String project, String environment) {
        RuleConfig defaults = RuleConfig.defaults();
        Map<String, Boolean> enabled = new HashMap<>();
        Map<String, Severity> severities = new HashMap<>();
        NamingPatterns naming = defaults.naming();
        boolean dataChecks = defaults.dataChecks();
        long timeout = defaults.dataCheckTimeoutMs();
        Layer[] layers = {global, environments.get(environment), projects.get(project),
                projectEnvironments.get(project + "/" + environment)};
        for (Layer l : layers) {
            if (l == null) {
                continue;
            }
            enabled.putAll(l.enabled);
            severities.putAll(l.severities);
            for (Map.Entry<String, Pattern> e : l.naming.entrySet()) {
                naming = naming.with(e.getKey(), e.getValue());
            }
            if (l.dataChecks != null) {
                dataChecks = l.dataChecks;
            }
            if (l.timeoutMs != null) {
                timeout = l.timeoutMs;
            }
        }
        return new RuleConfig(enabled, severities, naming, dataChecks, timeout);
    }
}
