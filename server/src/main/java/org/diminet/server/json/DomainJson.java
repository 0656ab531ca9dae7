package org.diminet.server.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON dialect DIMINET speaks everywhere: snake_case names, ISO-8601 instants, absent
 * optionals as null, and the core's values as {@link DomainJsonModule} writes them.
 */
public final class DomainJson {
    private DomainJson() {
    }

    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder().build());
    }

    /** Applies DIMINET's settings to an existing mapper (used for Spring's own mapper too). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .registerModule(new DomainJsonModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
