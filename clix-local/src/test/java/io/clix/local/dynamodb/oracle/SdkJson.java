package io.clix.local.dynamodb.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Renders what the SDK client parsed (a request, a response, or a service exception) as a JSON tree
 * with the wire's member names, fields sorted by name and set members sorted, so two endpoints'
 * answers can be compared and printed. Fields the server left out stay out (the SDK's
 * auto-constructed empty lists and maps are treated as absent).
 */
final class SdkJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SdkJson() {}

  /** A request, response or nested model object as JSON. */
  static JsonNode of(Object value) {
    if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
      return null;
    }
    if (value instanceof AttributeValue attribute) {
      return attributeValue(attribute);
    }
    if (value instanceof SdkPojo pojo) {
      return pojo(pojo);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = JSON.objectNode();
      new TreeMap<>(map).forEach((key, member) -> putIfPresent(node, String.valueOf(key), of(member)));
      return node;
    }
    if (value instanceof Collection<?> collection) {
      ArrayNode array = JSON.arrayNode();
      collection.forEach(member -> array.add(orNull(of(member))));
      return array;
    }
    if (value instanceof SdkBytes bytes) {
      return JSON.textNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
    }
    if (value instanceof Boolean bool) {
      return JSON.booleanNode(bool);
    }
    if (value instanceof Number number) {
      return JSON.numberNode(new BigDecimal(number.toString()));
    }
    return JSON.textNode(String.valueOf(value));
  }

  /**
   * A service exception as {@code {"error": {"type": code, "status": http, "message": ..., fields...}}};
   * the request id is left out.
   */
  static ObjectNode error(AwsServiceException error) {
    ObjectNode body = JSON.objectNode();
    body.put("type", error.awsErrorDetails().errorCode());
    body.put("status", error.statusCode());
    body.put("message", error.awsErrorDetails().errorMessage());
    for (SdkField<?> field : error.sdkFields()) {
      putIfPresent(body, field.memberName(), of(field.getValueOrDefault(error)));
    }
    ObjectNode node = JSON.objectNode();
    node.set("error", body);
    return node;
  }

  private static ObjectNode pojo(SdkPojo pojo) {
    ObjectNode node = JSON.objectNode();
    List<SdkField<?>> fields = new ArrayList<>(pojo.sdkFields());
    fields.sort(Comparator.comparing(SdkField::memberName));
    for (SdkField<?> field : fields) {
      putIfPresent(node, field.memberName(), of(field.getValueOrDefault(pojo)));
    }
    return node;
  }

  private static JsonNode attributeValue(AttributeValue value) {
    ObjectNode node = JSON.objectNode();
    switch (value.type()) {
      case S -> node.put("S", value.s());
      case N -> node.put("N", value.n());
      case B -> node.set("B", of(value.b()));
      case BOOL -> node.put("BOOL", value.bool());
      case NUL -> node.put("NULL", value.nul());
      case M -> node.set("M", of(value.m()));
      case L -> node.set("L", of(value.l()));
      case SS -> node.set("SS", sortedSet(value.ss().stream().<JsonNode>map(JSON::textNode).toList()));
      case NS -> node.set("NS", sortedSet(value.ns().stream().<JsonNode>map(JSON::textNode).toList()));
      case BS -> node.set("BS", sortedSet(value.bs().stream().map(SdkJson::of).toList()));
      default -> node.put("UNKNOWN", value.toString());
    }
    return node;
  }

  private static ArrayNode sortedSet(List<JsonNode> members) {
    ArrayNode array = JSON.arrayNode();
    members.stream().sorted(Comparator.comparing(JsonNode::asText)).forEach(array::add);
    return array;
  }

  private static void putIfPresent(ObjectNode node, String name, JsonNode value) {
    if (value != null) {
      node.set(name, value);
    }
  }

  private static JsonNode orNull(JsonNode value) {
    return value == null ? JSON.nullNode() : value;
  }
}
