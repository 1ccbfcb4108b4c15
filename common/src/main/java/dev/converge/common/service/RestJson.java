package dev.converge.common.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.common.json.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The services' REST payloads use the same JSON settings as the events on the topics. */
@Singleton
public class RestJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
