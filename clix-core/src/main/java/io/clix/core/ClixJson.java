package io.clix.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson set-up Clix's values round-trip with: {@code Optional}, {@code Instant} and {@code
 * Duration} as ISO-8601 strings. Use {@link #newMapper()} to serialize views and events for game
 * clients.
 */
public final class ClixJson {

  private static final ObjectMapper SHARED = newMapper();

  private ClixJson() {}

  /** A new mapper configured for Clix's values; configure it further as you like. */
  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** A shared mapper with the same set-up; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return SHARED;
  }
}
