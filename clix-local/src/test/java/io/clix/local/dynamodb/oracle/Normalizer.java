package io.clix.local.dynamodb.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Removes from an answer what legitimately differs between two correct DynamoDB endpoints, so
 * that what is left must be equal: identities and clocks (ARNs, table ids, creation and
 * throughput-change times), the sizes and counts DynamoDB itself refreshes only every six hours,
 * consumed capacity nobody asked for, orders DynamoDB does not define (items of a Scan and of a
 * BatchGetItem, the key a Scan page ends on) and the "1 validation error detected: " envelope
 * DynamoDB itself sends or not. Two dynalite gaps are evened out here too, each said where it is
 * done: table description fields newer than dynalite, and its empty {@code Attributes}. Set
 * members are already sorted by {@link SdkJson}.
 */
final class Normalizer {

  /**
   * Fields of table and index descriptions that identify or time-stamp the resource, or that
   * DynamoDB updates only periodically (TableSizeBytes, ItemCount, IndexSizeBytes).
   */
  private static final Set<String> VOLATILE = Set.of(
      "TableArn", "TableId", "CreationDateTime", "IndexArn", "LatestStreamArn", "LatestStreamLabel",
      "TableSizeBytes", "ItemCount", "IndexSizeBytes", "LastIncreaseDateTime", "LastDecreaseDateTime",
      "LastUpdateToPayPerRequestDateTime", "NumberOfDecreasesToday");

  /**
   * Fields DynamoDB added to table descriptions after dynalite was written (deletion protection in
   * 2023, warm throughput in 2024): dynalite never sends them, so they are left out of the
   * comparison; {@link DocumentedBehaviourTest} checks them on the embedded endpoint.
   */
  private static final Set<String> NEWER_THAN_DYNALITE = Set.of("DeletionProtectionEnabled", "WarmThroughput");

  /**
   * The envelope DynamoDB itself puts around some ValidationException messages and not others, for
   * the same error (it "varies by region": paritysuite/dynamodb-conformance#48), so it is compared
   * without it.
   */
  static final String VALIDATION_ENVELOPE = "1 validation error detected: ";

  private Normalizer() {}

  /** The normalized form of {@code answer}, the rendering of the endpoint's reply to {@code request}. */
  static JsonNode normalize(DynamoDbRequest request, JsonNode answer) {
    JsonNode node = answer.deepCopy();
    dropVolatile(node);
    if (node.get("error") instanceof ObjectNode error && error.path("message").asText().startsWith(VALIDATION_ENVELOPE)) {
      error.put("message", error.get("message").asText().substring(VALIDATION_ENVELOPE.length()));
    }
    if (node instanceof ObjectNode object && !object.has("error")) {
      if (object.get("Attributes") instanceof ObjectNode attributes && attributes.isEmpty()) {
        // dynalite answers UPDATED_OLD/UPDATED_NEW with "Attributes": {} when no attribute qualifies; DynamoDB leaves
        // Attributes out (checked against DynamoDB in ExtendDB/extenddb#121); DocumentedBehaviourTest holds the
        // embedded endpoint to the latter.
        object.remove("Attributes");
      }
      if (!consumedCapacityRequested(request)) {
        object.remove("ConsumedCapacity");
      }
      if (request instanceof ScanRequest && object.get("Items") instanceof ArrayNode items) {
        object.set("Items", sorted(items));
      }
      if (request instanceof ScanRequest && object.has("LastEvaluatedKey")) {
        // Which item a page of a Scan ends on depends on the unspecified scan order; whether there is one does not.
        object.put("LastEvaluatedKey", "(depends on scan order)");
      }
      if (request instanceof BatchGetItemRequest && object.get("Responses") instanceof ObjectNode responses) {
        responses.properties().forEach(table -> responses.set(table.getKey(), sorted((ArrayNode) table.getValue())));
      }
    }
    return node;
  }

  /** The items in a canonical order (by their JSON text), for results whose order DynamoDB leaves open. */
  static ArrayNode sorted(ArrayNode items) {
    List<JsonNode> list = new ArrayList<>();
    items.forEach(list::add);
    list.sort(Comparator.comparing(JsonNode::toString));
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    list.forEach(result::add);
    return result;
  }

  private static boolean consumedCapacityRequested(DynamoDbRequest request) {
    return request.getValueForField("ReturnConsumedCapacity", Object.class)
        .map(value -> !ReturnConsumedCapacity.NONE.toString().equals(value.toString()))
        .orElse(false);
  }

  private static void dropVolatile(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(VOLATILE);
      object.remove(NEWER_THAN_DYNALITE);
      object.forEach(Normalizer::dropVolatile);
    } else if (node instanceof ArrayNode array) {
      array.forEach(Normalizer::dropVolatile);
    }
  }
}
