package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * TransactWriteItems and TransactGetItems: every action is checked first, then the locks of all
 * items are taken in one fixed order, every condition is evaluated, and either every write is
 * committed or none is (TransactionCanceledException with one reason per action).
 * ClientRequestToken makes a write idempotent for ten minutes.
 */
final class TransactionOperations {

  static final int MAX_ACTIONS = 100;
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final TableCatalog catalog;
  private final Clock clock;
  /** The tokens by client token, oldest first (they expire in that order: the oldest go first). */
  private final Map<String, Token> tokens = new java.util.LinkedHashMap<>();

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * What a successful write with a client token asked (a SHA-256 digest of its TransactItems,
   * object members in name order, so that only an equal request matches) and answered (as JSON
   * bytes), remembered for ten minutes.
   */
  private static final class Token {
    private final byte[] items;
    final Instant issued;
    private final byte[] response;

    Token(JsonNode request, Instant issued, JsonNode response) {
      this.items = digest(request.path("TransactItems"));
      this.issued = issued;
      try {
        this.response = MAPPER.writeValueAsBytes(response);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    boolean sameItems(JsonNode request) {
      return java.util.Arrays.equals(items, digest(request.path("TransactItems")));
    }

    JsonNode response() {
      try {
        return MAPPER.readTree(response);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static byte[] digest(JsonNode node) {
      StringBuilder canonical = new StringBuilder();
      canonical(node, canonical);
      try {
        return java.security.MessageDigest.getInstance("SHA-256")
            .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The node as JSON with object members in name order (JSON equality ignores their order). */
    private static void canonical(JsonNode node, StringBuilder out) {
      if (node.isObject()) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        out.append('{');
        for (String name : names) {
          out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(name)).append(':');
          canonical(node.get(name), out);
          out.append(',');
        }
        out.append('}');
      } else if (node.isArray()) {
        out.append('[');
        for (JsonNode element : node) {
          canonical(element, out);
          out.append(',');
        }
        out.append(']');
      } else {
        out.append(node);
      }
    }
  }

  TransactionOperations(TableCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  JsonNode transactWriteItems(JsonNode request) {
    JsonNode actions = actions(request);
    String token = Requests.text(request, "ClientRequestToken", null);
    if (token != null && (token.isEmpty() || token.length() > 36)) {
      throw Faults.validation("1 validation error detected: Value '" + token + "' at 'clientRequestToken' failed to"
          + " satisfy constraint: Member must have length " + (token.isEmpty() ? "greater than or equal to 1"
          : "less than or equal to 36"));
    }
    if (token != null) {
      synchronized (tokens) {
        Token previous = tokens.get(token);
        if (previous != null && previous.issued.plus(TOKEN_LIFETIME).isAfter(clock.instant())) {
          if (!previous.sameItems(request)) {
            throw new ServiceError(400, Faults.DYNAMO + "IdempotentParameterMismatchException",
                "The request uses the same client token as a previous, but non-identical request.");
          }
          return previous.response();
        }
      }
    }
    List<ItemWrite> writes = new ArrayList<>();
    List<JsonNode> actionBodies = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode action : actions) {
      ItemWrite write = prepareWrite(action);
      if (!seen.add(write.table().name() + "\u0000" + write.key())) {
        throw Faults.validation("Transaction request cannot include multiple operations on one item");
      }
      writes.add(write);
      actionBodies.add(action.elements().next());
    }
    List<ReentrantLock> locks = locks(writes);
    locks.forEach(ReentrantLock::lock);
    ObjectNode out = JSON.objectNode();
    try {
      List<ItemWrite.Outcome> outcomes = new ArrayList<>();
      ArrayNode reasons = JSON.arrayNode();
      boolean failed = false;
      for (int i = 0; i < writes.size(); i++) {
        ObjectNode reason = reasons.addObject();
        try {
          outcomes.add(writes.get(i).evaluate());
          reason.put("Code", "None");
        } catch (ItemWrite.ConditionFailed e) {
          failed = true;
          outcomes.add(null);
          reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
          if (e.item != null && "ALL_OLD".equals(Requests.text(actionBodies.get(i),
              "ReturnValuesOnConditionCheckFailure", "NONE"))) {
            reason.set("Item", e.item);
          }
        } catch (ServiceError e) {
          failed = true;
          outcomes.add(null);
          reason.put("Code", "ValidationError").put("Message", e.body().path("message").asText());
        }
      }
      if (failed) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(r -> codes.add(r.get("Code").asText()));
        ObjectNode body = ServiceError.body(Faults.DYNAMO + "TransactionCanceledException", "Message",
            "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + codes);
        body.set("CancellationReasons", reasons);
        throw new ServiceError(400, body);
      }
      Map<String, Double> units = new java.util.LinkedHashMap<>();
      catalog.commits().writeLock().lock();
      try {
        for (int i = 0; i < writes.size(); i++) {
          ItemWrite.Outcome outcome = outcomes.get(i);
          writes.get(i).commit(outcome);
          units.merge(writes.get(i).table().name(),
              2 * Capacity.writeUnits(outcome.beforeSize, outcome.afterSize), Double::sum);
        }
      } finally {
        catalog.commits().writeLock().unlock();
      }
      addCapacity(out, request, units);
    } finally {
      for (int i = locks.size() - 1; i >= 0; i--) {
        locks.get(i).unlock();
      }
    }
    if (token != null) {
      Instant now = clock.instant();
      Token remembered = new Token(request, now, out);
      synchronized (tokens) {
        for (java.util.Iterator<Token> oldest = tokens.values().iterator(); oldest.hasNext(); ) {
          if (oldest.next().issued.plus(TOKEN_LIFETIME).isAfter(now)) {
            break;
          }
          oldest.remove();
        }
        tokens.remove(token); // a token used again after it expired goes to the end
        tokens.put(token, remembered);
      }
    }
    return out;
  }

  JsonNode transactGetItems(JsonNode request) {
    JsonNode actions = actions(request);
    List<Table> tables = new ArrayList<>();
    List<ItemKey> keys = new ArrayList<>();
    List<Expressions.Projection> projections = new ArrayList<>();
    List<ItemWrite> asLocks = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode action : actions) {
      JsonNode get = action.get("Get");
      if (get == null || action.size() != 1) {
        throw Faults.validation("1 validation error detected: Value null at 'transactItems.1.member.get' failed to"
            + " satisfy constraint: Member must not be null");
      }
      new Requests().tableName(get, "TableName", "tableName").required(get, "Key", "key").check();
      Expressions.checkUsage(get, List.of("ProjectionExpression"), 0, List.of());
      Table table = catalog.require(get.get("TableName").asText());
      ItemKey key = table.keys().keyOfKey(get.get("Key"));
      Expressions expressions = Expressions.of(get);
      projections.add(expressions.projection(get));
      expressions.checkAllUsed();
      if (!seen.add(table.name() + "\u0000" + key)) {
        throw Faults.validation("Transaction request cannot include multiple operations on one item");
      }
      tables.add(table);
      keys.add(key);
      asLocks.add(new ItemWrite(table, key, ItemWrite.Kind.CHECK, null, null, null));
    }
    List<ReentrantLock> locks = locks(asLocks);
    ObjectNode out = JSON.objectNode();
    ArrayNode responses = out.putArray("Responses");
    Map<String, Double> units = new java.util.LinkedHashMap<>();
    locks.forEach(ReentrantLock::lock);
    try {
      for (int i = 0; i < keys.size(); i++) {
        ObjectNode item = tables.get(i).get(keys.get(i));
        ObjectNode response = responses.addObject();
        if (item != null) {
          response.set("Item", projections.get(i) == null ? item : projections.get(i).apply(item));
        }
        units.merge(tables.get(i).name(), 2 * Capacity.readUnits(item == null ? 0 : ItemSizes.of(item), true),
            Double::sum);
      }
    } finally {
      for (int i = locks.size() - 1; i >= 0; i--) {
        locks.get(i).unlock();
      }
    }
    addCapacity(out, request, units);
    return out;
  }

  private ItemWrite prepareWrite(JsonNode action) {
    if (action.size() != 1) {
      throw Faults.validation("TransactItems can only contain one of Check, Put, Update or Delete");
    }
    String kind = action.fieldNames().next();
    JsonNode body = action.get(kind);
    Requests checks = new Requests().tableName(body, "TableName", "tableName");
    if ("Update".equals(kind)) {
      Expressions.checkUsage(body, List.of("UpdateExpression", "ConditionExpression"), 2, List.of());
    } else {
      Expressions.checkUsage(body, List.of("ConditionExpression"), 1, List.of());
    }
    switch (kind) {
      case "Put":
        checks.required(body, "Item", "item").check();
        Table putTable = catalog.require(body.get("TableName").asText());
        ObjectNode item = Items.itemToPut(putTable, body.get("Item"), false);
        return ItemOperations.prepare(putTable, body, putTable.keys().keyOfItem(item), ItemWrite.Kind.PUT, item, null);
      case "Delete":
        checks.required(body, "Key", "key").check();
        Table deleteTable = catalog.require(body.get("TableName").asText());
        return ItemOperations.prepare(deleteTable, body, null, ItemWrite.Kind.DELETE, null, null)
            .withKey(deleteTable.keys().keyOfKey(body.get("Key")));
      case "ConditionCheck":
        checks.required(body, "Key", "key").required(body, "ConditionExpression", "conditionExpression").check();
        Table checkTable = catalog.require(body.get("TableName").asText());
        return ItemOperations.prepare(checkTable, body, null, ItemWrite.Kind.CHECK, null, null)
            .withKey(checkTable.keys().keyOfKey(body.get("Key")));
      case "Update":
        checks.required(body, "Key", "key").required(body, "UpdateExpression", "updateExpression").check();
        Table updateTable = catalog.require(body.get("TableName").asText());
        ItemWrite update = ItemOperations.prepareUpdate(updateTable, body, null)
            .withKey(updateTable.keys().keyOfKey(body.get("Key")));
        update.checkKeyUntouched();
        return update;
      default:
        throw Faults.validation("TransactItems can only contain one of Check, Put, Update or Delete");
    }
  }

  private static JsonNode actions(JsonNode request) {
    new Requests().required(request, "TransactItems", "transactItems")
        .oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY,
            ItemOperations.CAPACITY_ENUM)
        .check();
    JsonNode actions = request.get("TransactItems");
    if (!actions.isArray() || actions.size() < 1 || actions.size() > MAX_ACTIONS) {
      throw Faults.validation("1 validation error detected at 'transactItems' failed to satisfy constraint: Member"
          + " must have length " + (actions.size() < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    return actions;
  }

  /** The distinct locks of the writes' items, in one global order (table name, stripe). */
  private static List<ReentrantLock> locks(List<ItemWrite> writes) {
    List<ItemWrite> sorted = new ArrayList<>(writes);
    sorted.sort(Comparator.comparing((ItemWrite w) -> w.table().name())
        .thenComparingInt(w -> w.table().stripeOf(w.key())));
    Map<ReentrantLock, Boolean> seen = new IdentityHashMap<>();
    List<ReentrantLock> locks = new ArrayList<>();
    for (ItemWrite write : sorted) {
      ReentrantLock lock = write.table().lockFor(write.key());
      if (seen.put(lock, Boolean.TRUE) == null) {
        locks.add(lock);
      }
    }
    return locks;
  }

  private static void addCapacity(ObjectNode out, JsonNode request, Map<String, Double> units) {
    ArrayNode capacity = JSON.arrayNode();
    units.forEach((name, value) -> {
      ObjectNode report = Capacity.report(request, name, value);
      if (report != null) {
        capacity.add(report);
      }
    });
    if (!capacity.isEmpty()) {
      out.set("ConsumedCapacity", capacity);
    }
  }
}
