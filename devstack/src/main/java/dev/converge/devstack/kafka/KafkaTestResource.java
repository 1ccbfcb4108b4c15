package dev.converge.devstack.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts an in-process {@link KafkaBroker} for a {@code @QuarkusTest} and points the application at it:
 * {@code @QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)}.
 * Init arg {@code partitions} overrides the partition count.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private KafkaBroker broker;
    private int partitions = KafkaTopics.configuredPartitions();

    @Override
    public void init(Map<String, String> initArgs) {
        String p = initArgs.get("partitions");
        if (p != null) {
            partitions = Integer.parseInt(p);
        }
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start(partitions);
        return broker.quarkusProperties();
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
