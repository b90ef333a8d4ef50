package io.clix.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson set-up Clix's values round-trip with: {@code Optional}, {@code Instant} and {@code
 * Duration} as ISO-8601 strings, and numbers read exactly (a number with a fraction or an exponent
 * as a {@code BigDecimal} keeping its scale, so {@code 0.10} stays {@code 0.10}). Use {@link
 * #newMapper()} to serialize views and events for game clients; {@link #canonical} is the form
 * every orchestrator keeps a JSON value in.
 */
public final class ClixJson {

  private static final ObjectMapper SHARED = newMapper();

  private ClixJson() {}

  /** A new mapper configured for Clix's values; configure it further as you like. */
  public static ObjectMapper newMapper() {
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    return mapper;
  }

  /** A shared mapper with the same set-up; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return SHARED;
  }

  /**
   * The value as Clix stores and returns it: written by {@link #mapper()} and read back. Integers
   * stay integers; a number with a fraction or an exponent becomes a {@code BigDecimal} with the
   * digits and scale it was written with ({@code 0.10}, {@code 1E+400}; a {@code float} 1.1 as
   * {@code 1.1}); the text it writes is the text of {@code value}. A value that already came from
   * {@link #mapper()} is returned equal. Throws {@link IllegalArgumentException} for a value that
   * cannot be written as JSON (orchestrators refuse those first with {@link InvalidRequestException}).
   */
  public static JsonNode canonical(JsonNode value) {
    if (value == null) {
      return null;
    }
    try {
      return SHARED.readTree(SHARED.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not writable as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
