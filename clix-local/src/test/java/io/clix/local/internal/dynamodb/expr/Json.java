package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test shorthand: JSON from single-quoted text, and the message of a ValidationException. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  /** Parses JSON written with single quotes for readability. */
  static ObjectNode obj(String singleQuoted) {
    return (ObjectNode) node(singleQuoted);
  }

  static JsonNode node(String singleQuoted) {
    try {
      return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  /** A context from single-quoted JSON for names and values ({@code null} for none). */
  static ExpressionContext ctx(String names, String values) {
    return new ExpressionContext(names == null ? null : node(names), values == null ? null : node(values));
  }

  /** Asserts the call throws a ValidationException with exactly {@code message}. */
  static void assertValidation(ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ServiceError.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400);
          org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("ValidationException");
          org.assertj.core.api.Assertions.assertThat(DynamoErrors.messageOf(e)).isEqualTo(message);
        });
  }
}
