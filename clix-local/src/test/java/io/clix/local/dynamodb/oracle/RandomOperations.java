package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Attr.item;
import static io.clix.local.dynamodb.oracle.Attr.l;
import static io.clix.local.dynamodb.oracle.Attr.m;
import static io.clix.local.dynamodb.oracle.Attr.n;
import static io.clix.local.dynamodb.oracle.Attr.s;
import static io.clix.local.dynamodb.oracle.Attr.ss;
import static io.clix.local.dynamodb.oracle.Fixture.BY_PLAYER;
import static io.clix.local.dynamodb.oracle.Fixture.BY_TIME;
import static io.clix.local.dynamodb.oracle.Fixture.SCORES;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A seeded generator of operations on the Scores table over a small key space (games g1..g3,
 * moves 1..4), so that conditions both hold and fail, items appear and vanish, and index keys
 * change: conditional puts, updates and deletes with random ReturnValues, gets, queries of the
 * table and its indexes, scans and batches.
 */
final class RandomOperations {

  private static final ReturnValue[] UPDATE_RETURNS = {ReturnValue.NONE, ReturnValue.ALL_OLD,
      ReturnValue.UPDATED_OLD, ReturnValue.ALL_NEW, ReturnValue.UPDATED_NEW};

  private final Random random;

  RandomOperations(long seed) {
    this.random = new Random(seed);
  }

  /** The next operation. */
  Step next() {
    int kind = random.nextInt(100);
    if (kind < 18) {
      return Step.call(put());
    } else if (kind < 45) {
      return Step.call(update());
    } else if (kind < 53) {
      return Step.call(delete());
    } else if (kind < 63) {
      return Step.call(GetItemRequest.builder().tableName(SCORES).key(key()).consistentRead(random.nextBoolean())
          .projectionExpression(random.nextBoolean() ? null : "doc.steps[1], doc.x, cnt, tags, seq")
          .returnConsumedCapacity(capacity()).build());
    } else if (kind < 78) {
      return query();
    } else if (kind < 84) {
      return scan();
    } else if (kind < 92) {
      return Step.call(batchWrite());
    }
    return Step.call(batchGet());
  }

  /** Mostly none, sometimes the total or the per-index consumed capacity. */
  private ReturnConsumedCapacity capacity() {
    int pick = random.nextInt(6);
    return pick == 0 ? ReturnConsumedCapacity.TOTAL : pick == 1 ? ReturnConsumedCapacity.INDEXES : null;
  }

  private Map<String, AttributeValue> key() {
    return item("game", s("g" + (1 + random.nextInt(3))), "seq", n(1 + random.nextInt(4)));
  }

  private AttributeValue number() {
    return switch (random.nextInt(5)) {
      case 0 -> n(random.nextInt(10));
      case 1 -> n("-" + random.nextInt(5) + ".50");
      case 2 -> n(random.nextInt(3) + "E+1");
      case 3 -> n("0" + random.nextInt(20));
      default -> n(random.nextInt(20) + ".0");
    };
  }

  private AttributeValue tags() {
    List<String> members = new ArrayList<>();
    for (String tag : List.of("a", "b", "c")) {
      if (random.nextBoolean()) {
        members.add(tag);
      }
    }
    return members.isEmpty() ? ss("a") : ss(members.toArray(String[]::new));
  }

  /** A condition with its values added to {@code values}, or null for none. */
  private String condition(Map<String, AttributeValue> values) {
    switch (random.nextInt(11)) {
      case 0:
        return "attribute_not_exists(seq)";
      case 1:
        return "attribute_exists(game)";
      case 2:
        values.put(":cv", n(random.nextInt(4)));
        return "cnt = :cv";
      case 3:
        values.put(":cv", n(random.nextInt(4)));
        return "cnt < :cv OR attribute_not_exists(cnt)";
      case 4:
        values.put(":cn", n(random.nextInt(3)));
        return "size(tags) > :cn";
      case 5:
        values.put(":ct", s("b"));
        return "contains(tags, :ct) AND NOT begins_with(player, :cp)";
      case 6:
        values.put(":cs", n(random.nextInt(4)));
        return "size(doc.steps) >= :cs";
      case 7:
        values.put(":cl", n(random.nextInt(3)));
        values.put(":cst", s("S"));
        return "doc.steps[1] = :cl OR attribute_type(doc.x, :cst)";
      default:
        return null;
    }
  }

  private PutItemRequest put() {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key());
    item.put("player", s("p" + (1 + random.nextInt(3))));
    item.put("score", number());
    if (random.nextBoolean()) {
      item.put("ts", n(random.nextInt(50)));
    }
    if (random.nextBoolean()) {
      item.put("cnt", n(random.nextInt(3)));
    }
    if (random.nextBoolean()) {
      item.put("tags", tags());
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    String condition = condition(values);
    if (condition != null && condition.contains(":cp")) {
      values.put(":cp", s("p1"));
    }
    return PutItemRequest.builder().tableName(SCORES).item(item).conditionExpression(condition)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .returnValues(random.nextBoolean() ? ReturnValue.ALL_OLD : ReturnValue.NONE).returnConsumedCapacity(capacity())
        .build();
  }

  private UpdateItemRequest update() {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    List<String> add = new ArrayList<>();
    List<String> other = new ArrayList<>();
    // Each clause touches its own top-level attribute: overlapping paths are a validation error, tested elsewhere.
    Set<Integer> chosen = new HashSet<>();
    int clauses = 1 + random.nextInt(3);
    while (chosen.size() < clauses) {
      chosen.add(random.nextInt(9));
    }
    for (int clause : chosen) {
      switch (clause) {
        case 0 -> {
          set.add("cnt = if_not_exists(cnt, :zero) + :d");
          values.put(":zero", n(0));
          values.put(":d", number());
        }
        case 1 -> {
          set.add("score = :s");
          values.put(":s", number());
        }
        case 2 -> {
          add.add("tags :at");
          values.put(":at", tags());
        }
        case 3 -> {
          other.add("DELETE bag :dt");
          values.put(":dt", tags());
        }
        case 4 -> {
          if (random.nextBoolean()) {
            remove.add("note, ts");
          } else {
            set.add("ts = ts - :one");
            values.put(":one", n(1));
          }
        }
        case 5 -> {
          set.add("trail = list_append(if_not_exists(trail, :empty), :entry)");
          values.put(":empty", l());
          values.put(":entry", l(n(random.nextInt(9))));
        }
        case 6 -> documentClause(set, remove, values);
        case 7 -> {
          set.add("player = :p");
          values.put(":p", s("p" + (1 + random.nextInt(3))));
        }
        default -> {
          if (!chosen.contains(3)) {
            add.add("bag :bt");
            values.put(":bt", tags());
          } else {
            set.add("bonus = if_not_exists(bonus, :s0)");
            values.put(":s0", n(0));
          }
        }
      }
    }
    StringBuilder expression = new StringBuilder();
    if (!set.isEmpty()) {
      expression.append("SET ").append(String.join(", ", set));
    }
    if (!remove.isEmpty()) {
      expression.append(" REMOVE ").append(String.join(", ", remove));
    }
    if (!add.isEmpty()) {
      expression.append(" ADD ").append(String.join(", ", add));
    }
    other.forEach(clause -> expression.append(' ').append(clause));
    String condition = condition(values);
    if (condition != null && condition.contains(":cp")) {
      values.put(":cp", s("p2"));
    }
    return UpdateItemRequest.builder().tableName(SCORES).key(key()).updateExpression(expression.toString().trim())
        .conditionExpression(condition).expressionAttributeValues(values.isEmpty() ? null : values)
        .returnValues(UPDATE_RETURNS[random.nextInt(UPDATE_RETURNS.length)]).returnConsumedCapacity(capacity())
        .build();
  }

  /** One change to the nested document {@code doc} = {x: S, steps: L}, which may not exist yet. */
  private void documentClause(List<String> set, List<String> remove, Map<String, AttributeValue> values) {
    int index = random.nextInt(4);
    switch (random.nextInt(5)) {
      case 0 -> {
        set.add("doc = if_not_exists(doc, :doc)");
        values.put(":doc", m("x", s("start"), "steps", l(n(0), n(1))));
      }
      case 1 -> {
        set.add("doc.x = :x");
        values.put(":x", s("x" + random.nextInt(3)));
      }
      case 2 -> {
        set.add("doc.steps[" + index + "] = :li");
        values.put(":li", n(random.nextInt(5)));
      }
      case 3 -> remove.add("doc.steps[" + index + "]");
      default -> {
        set.add("doc.steps = list_append(doc.steps, :tail)");
        values.put(":tail", l(n(random.nextInt(5))));
      }
    }
  }

  private DeleteItemRequest delete() {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    String condition = condition(values);
    if (condition != null && condition.contains(":cp")) {
      values.put(":cp", s("p3"));
    }
    return DeleteItemRequest.builder().tableName(SCORES).key(key()).conditionExpression(condition)
        .expressionAttributeValues(values.isEmpty() ? null : values)
        .returnValues(random.nextBoolean() ? ReturnValue.ALL_OLD : ReturnValue.NONE).returnConsumedCapacity(capacity())
        .build();
  }

  private Step query() {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    int index = random.nextInt(4);
    QueryRequest.Builder query = QueryRequest.builder().tableName(SCORES);
    if (index == 3) {
      values.put(":p", s("p" + (1 + random.nextInt(3))));
      values.put(":lo", n(random.nextInt(10)));
      // Items with equal index keys have no defined order, hence whole-result comparisons without Limit.
      return Step.unordered(query.indexName(BY_PLAYER)
          .keyConditionExpression("player = :p AND score >= :lo").expressionAttributeValues(values).build());
    }
    values.put(":g", s("g" + (1 + random.nextInt(3))));
    String condition = "game = :g";
    switch (index == 2 ? 3 : random.nextInt(4)) {
      case 0 -> {
        condition += " AND seq BETWEEN :a AND :b";
        values.put(":a", n(1 + random.nextInt(2)));
        values.put(":b", n(2 + random.nextInt(3)));
      }
      case 1 -> {
        condition += " AND seq > :a";
        values.put(":a", n(random.nextInt(4)));
      }
      default -> { }
    }
    query.keyConditionExpression(condition).scanIndexForward(random.nextBoolean());
    // No filter on the keys-only local index: DynamoDB fetches unprojected attributes from the table, dynalite does not.
    if (index != 2 && random.nextInt(3) == 0) {
      query.filterExpression("attribute_exists(cnt)");
    }
    if (random.nextInt(4) == 0) {
      query.select(Select.COUNT);
    }
    if (index == 2) {
      return Step.unordered(query.indexName(BY_TIME).expressionAttributeValues(values).build());
    }
    query.expressionAttributeValues(values);
    return random.nextBoolean() ? Step.queryPages(query.limit(1 + random.nextInt(3)).build())
        : Step.call(query.build());
  }

  private Step scan() {
    ScanRequest.Builder scan = ScanRequest.builder().tableName(SCORES);
    if (random.nextBoolean()) {
      scan.filterExpression("score > :s").expressionAttributeValues(item(":s", n(random.nextInt(10))));
    }
    if (random.nextBoolean()) {
      scan.limit(1 + random.nextInt(5));
    }
    return Step.scanAll(scan.build());
  }

  private BatchWriteItemRequest batchWrite() {
    Map<Map<String, AttributeValue>, WriteRequest> writes = new LinkedHashMap<>();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      Map<String, AttributeValue> key = key();
      if (random.nextBoolean()) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.put("player", s("p" + (1 + random.nextInt(3))));
        item.put("score", number());
        writes.put(key, WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      } else {
        writes.put(key, WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
      }
    }
    return BatchWriteItemRequest.builder().requestItems(Map.of(SCORES, List.copyOf(writes.values()))).build();
  }

  private BatchGetItemRequest batchGet() {
    Set<Map<String, AttributeValue>> keys = new HashSet<>();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      keys.add(key());
    }
    return BatchGetItemRequest.builder().requestItems(Map.of(SCORES,
        KeysAndAttributes.builder().keys(List.copyOf(keys)).consistentRead(true).build())).build();
  }
}
