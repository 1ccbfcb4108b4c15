package dev.converge.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON codec for events and API payloads. Unknown properties are ignored so that a newer producer
 * can add fields without breaking older consumers, except in request bodies marked {@link StrictFields}; timestamps are ISO-8601 strings. Enums are read by name only:
 * Jackson would otherwise take {@code "mode": 1} as the enum's ordinal, so a client's typo would pick a mode.
 */
public final class Json {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    /** Applies Converge's settings to a mapper (also used to customise the services' Quarkus mapper). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // "{…} garbage" or two objects in one body is a client mistake, not a request to read the first part
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .addHandler(new RefuseUnknownFieldsOfStrictTypes());
    }

    /**
     * Jackson asks its problem handlers before it ignores an unknown property; for a {@link StrictFields} type this
     * one refuses it as Jackson would with {@code FAIL_ON_UNKNOWN_PROPERTIES}, so the error names the field and the
     * fields that exist. A handler rather than the feature because Quarkus' mapper (which we configure too) is
     * copied by libraries, such as the LLM client, that must keep tolerating fields a provider adds.
     */
    private static final class RefuseUnknownFieldsOfStrictTypes extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws java.io.IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (!type.isAnnotationPresent(StrictFields.class)) {
                return false;
            }
            // the bean deserializer that asked adds this property to the exception's path on the way out
            throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                    deserializer == null ? null : deserializer.getKnownPropertyNames());
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new JsonCodecException("cannot encode " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T decode(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new JsonCodecException("cannot decode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Thrown when a payload cannot be (de)serialised; the message says which type and why. */
    public static final class JsonCodecException extends RuntimeException {
        public JsonCodecException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
