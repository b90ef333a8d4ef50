package io.clix.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;

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
    JsonFactory factory = JsonFactory.builder().addDecorator(ClixJson::exactDecimals).build();
    ObjectMapper mapper = new ObjectMapper(factory)
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    return mapper;
  }

  /**
   * Writes a {@code BigDecimal} of scale 0 as {@code 25E0} rather than {@code 25}, so it reads back
   * as the same {@code BigDecimal} and not as an integer (every other scale already writes a point
   * or an exponent).
   */
  private static JsonGenerator exactDecimals(JsonFactory factory, JsonGenerator generator) {
    return new JsonGeneratorDelegate(generator, true) {
      @Override
      public void writeNumber(BigDecimal v) throws IOException {
        if (v != null && v.scale() == 0) {
          super.writeNumber(v.unscaledValue() + "E0");
        } else {
          super.writeNumber(v);
        }
      }
    };
  }

  /** A shared mapper with the same set-up; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return SHARED;
  }

  /**
   * The value as Clix stores and returns it: written by {@link #mapper()} and read back. Integers
   * stay integers; a number with a fraction or an exponent becomes a {@code BigDecimal} with the
   * digits and scale it was written with ({@code 0.10}, {@code 1E+400}, {@code 2.5E+1} (written
   * {@code 25E0}); a {@code float} 1.1 as {@code 1.1}, a {@code double} 1e20 as {@code 1.0E+20},
   * negative zero as zero). A value read
   * by {@link #mapper()} is returned equal and writes the same text; applying this twice changes
   * nothing more. Throws {@link IllegalArgumentException} for a value that
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
