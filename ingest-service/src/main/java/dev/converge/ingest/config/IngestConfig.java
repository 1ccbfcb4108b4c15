package dev.converge.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** ingest-service settings ({@code converge.ingest.*}). */
@ConfigMapping(prefix = "converge.ingest")
public interface IngestConfig {
    Limits limits();

    Outbox outbox();

    interface Outbox {
        /** How often the relay looks for unpublished events for rows a kick after commit did not publish (e.g. after a crash). */
        @WithDefault("1s")
        Duration interval();
    }

    interface Limits {
        /** Most files one submission may carry. */
        @WithDefault("2000")
        int maxFiles();

        /** Most bytes (UTF-8) all files of one submission may total. Keep below the Kafka record limit. */
        @WithDefault("8388608")
        long maxTotalBytes();

        /** Most bytes of the custom review rules (Markdown). */
        @WithDefault("65536")
        long maxCustomRulesBytes();
    }
}
