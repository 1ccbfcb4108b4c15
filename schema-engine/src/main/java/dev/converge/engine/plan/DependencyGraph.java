package dev.converge.engine.plan;

import dev.converge.engine.EngineException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders steps topologically: an object is created before what needs it, dropped and created again in that
 * order, and dropped only after everything that used it stopped using it. Among steps that are free to run,
 * the earliest phase goes first, then the order the differ produced them in (so plans are deterministic).
 */
final class DependencyGraph {

    static List<Step> order(List<Step> steps) {
        Map<String, List<Step>> creators = index(steps, s -> s.creates);
        Map<String, List<Step>> droppers = index(steps, s -> s.drops);
        Map<String, List<Step>> releasers = index(steps, s -> s.releases);
        Map<Step, Set<Step>> successors = new HashMap<>();
        Map<Step, Integer> inDegree = new HashMap<>();
        for (Step s : steps) {
            successors.put(s, new HashSet<>());
            inDegree.put(s, 0);
        }
        for (Step s : steps) {
            for (String need : s.needs) {
                for (Step c : creators.getOrDefault(need, List.of())) {
                    edge(c, s, successors, inDegree);
                }
            }
            for (String created : s.creates) {
                for (Step d : droppers.getOrDefault(created, List.of())) {
                    edge(d, s, successors, inDegree);
                }
            }
            for (String dropped : s.drops) {
                for (Step r : releasers.getOrDefault(dropped, List.of())) {
                    edge(r, s, successors, inDegree);
                }
            }
        }
        PriorityQueue<Step> ready = new PriorityQueue<>(
                Comparator.comparing((Step s) -> s.phase).thenComparingInt(s -> s.seq));
        for (Step s : steps) {
            if (inDegree.get(s) == 0) {
                ready.add(s);
            }
        }
        List<Step> out = new ArrayList<>(steps.size());
        while (!ready.isEmpty()) {
            Step s = ready.poll();
            out.add(s);
            for (Step next : successors.get(s)) {
                if (inDegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (out.size() != steps.size()) {
            List<String> stuck = steps.stream().filter(s -> !out.contains(s)).map(s -> s.label).limit(6).toList();
            throw new EngineException(EngineException.Code.INTERNAL,
                    "circular dependency between planned changes: " + String.join(", ", stuck));
        }
        return out;
    }

    private static void edge(Step from, Step to, Map<Step, Set<Step>> successors, Map<Step, Integer> inDegree) {
        if (from != to && successors.get(from).add(to)) {
            inDegree.merge(to, 1, Integer::sum);
        }
    }

    private static Map<String, List<Step>> index(List<Step> steps, java.util.function.Function<Step, Set<String>> keys) {
        Map<String, List<Step>> map = new HashMap<>();
        for (Step s : steps) {
            for (String k : keys.apply(s)) {
                map.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
            }
        }
        return map;
    }
}
