package dev.converge.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(2);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void createsEveryConvergeTopicWithTheConfiguredPartitionCount() throws Exception {
        try (Admin admin = KafkaTopics.admin(broker.bootstrapServers())) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).containsOnlyKeys(Topics.ALL);
            topics.values().forEach(t -> assertThat(t.partitions()).as(t.name()).hasSize(2));
        }
    }

    @Test
    void deliversAProducedRecordToAConsumer() {
        RecordMetadata sent = KafkaClients.send(broker.bootstrapServers(), Topics.SUBMISSIONS, "s-1", "{\"hello\":1}");
        assertThat(sent.topic()).isEqualTo(Topics.SUBMISSIONS);

        var read = KafkaClients.readUntil(broker.bootstrapServers(), Topics.SUBMISSIONS, Duration.ofSeconds(45),
                r -> "s-1".equals(r.key()));
        assertThat(read).isNotEmpty();
        assertThat(read.get(read.size() - 1).value()).isEqualTo("{\"hello\":1}");
    }

    @Test
    void refusesToAutoCreateUnknownTopics() {
        try (Admin admin = KafkaTopics.admin(broker.bootstrapServers())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("converge.typo.v1");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        var producerProps = new java.util.Properties();
        producerProps.put("bootstrap.servers", broker.bootstrapServers());
        producerProps.put("max.block.ms", "3000");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(producerProps,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            var future = producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("converge.typo.v1", "k", "v"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("converge.typo.v1");
        }
    }
}
