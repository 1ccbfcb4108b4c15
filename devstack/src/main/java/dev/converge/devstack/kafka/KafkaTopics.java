package dev.converge.devstack.kafka;

import dev.converge.common.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Converge's topics explicitly (the brokers we start have auto-creation off, so a typo in a topic name
 * fails loudly instead of silently creating a new topic).
 */
public final class KafkaTopics {
    /** Default partition count; overridable with {@code converge.kafka.partitions} or {@code CONVERGE_KAFKA_PARTITIONS}. */
    public static final int DEFAULT_PARTITIONS = 3;

    private KafkaTopics() {
    }

    public static int configuredPartitions() {
        String value = System.getProperty("converge.kafka.partitions", System.getenv("CONVERGE_KAFKA_PARTITIONS"));
        if (value == null || value.isBlank()) {
            return DEFAULT_PARTITIONS;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new IllegalArgumentException("converge.kafka.partitions: " + n + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("converge.kafka.partitions: '" + value + "' is not a number");
        }
    }

    /** Creates every topic in {@link Topics#ALL} with {@code partitions} partitions; existing topics are kept. */
    public static void createAll(String bootstrapServers, int partitions) {
        create(bootstrapServers, Topics.ALL, partitions);
    }

    public static void create(String bootstrapServers, List<String> topics, int partitions) {
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)
                            // Plans carry whole schemas: allow large (compressed) records deliberately.
                            .configs(Map.of("max.message.bytes", "10485760", "compression.type", "producer")))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("creating topics " + topics + " on " + bootstrapServers + " failed: "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topics on " + bootstrapServers + " timed out after 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** True if the broker answers an admin request within a few seconds. */
    public static boolean brokerAnswers(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers)) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static Admin admin(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return Admin.create(p);
    }
}
