package dev.converge.diff.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.common.json.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST payloads use the same JSON settings as the events on the topics. */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
