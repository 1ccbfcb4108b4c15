package dev.converge.devstack.kafka;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker (KRaft, combined broker+controller) running inside this JVM, with Converge's
 * topics created. For tests: {@code try (KafkaBroker kafka = KafkaBroker.start()) { kafka.bootstrapServers() ... }}.
 */
public final class KafkaBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;
    private final int partitions;

    private KafkaBroker(KafkaClusterTestKit cluster, int partitions) {
        this.cluster = cluster;
        this.partitions = partitions;
    }

    public static KafkaBroker start() {
        return start(KafkaTopics.configuredPartitions());
    }

    public static KafkaBroker start(int partitions) {
        KafkaClusterTestKit cluster = null;
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("num.partitions", String.valueOf(partitions))
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("message.max.bytes", "10485760")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            KafkaTopics.createAll(cluster.bootstrapServers(), partitions);
            return new KafkaBroker(cluster, partitions);
        } catch (Exception e) {
            closeQuietly(cluster);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("in-process Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public int partitions() {
        return partitions;
    }

    /** The properties a Quarkus application needs to talk to this broker. */
    public Map<String, String> quarkusProperties() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void close() {
        closeQuietly(cluster);
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // Shutting down a test broker must not mask the test's own outcome.
            }
        }
    }
}
