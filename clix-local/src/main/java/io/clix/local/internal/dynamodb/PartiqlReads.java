package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.partiql.ExpressionWriter;
import io.clix.local.internal.dynamodb.partiql.Node;
import io.clix.local.internal.dynamodb.partiql.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * PartiQL SELECT on a table or an index. An equality (or IN) on the partition key among the WHERE
 * clause's AND terms reads only those partitions, in sort-key order (reversed by {@code ORDER BY
 * sortkey DESC}); any other SELECT reads the whole table or index, as a Scan does. The WHERE clause
 * is evaluated as a DynamoDB condition on every item read, pages end at {@code Limit} items read or
 * 1 MB, and {@code NextToken} resumes after the last item read.
 */
final class PartiqlReads {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final TableCatalog catalog;

  PartiqlReads(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** Runs a SELECT for ExecuteStatement. */
  ObjectNode select(Statement.Select select, List<JsonNode> parameters, JsonNode original, String statementText) {
    Table table = catalog.require(select.table());
    IndexDefinition index = null;
    if (select.index() != null) {
      index = table.definition().index(select.index());
      if (index == null) {
        throw Faults.validation("The table does not have the specified index");
      }
      if (index.global() && original.path("ConsistentRead").asBoolean(false)) {
        throw Faults.validation("Strongly consistent read is not supported on Global Secondary Indexes");
      }
    }
    ItemOrder order = new ItemOrder(table.keys(), index == null ? null : index.keys());
    KeySchema keys = order.readKeys();
    ExpressionWriter writer = new ExpressionWriter(parameters);
    ObjectNode request = JSON.objectNode();
    request.put("TableName", table.name());
    String condition = select.where() == null ? null : writer.condition(select.where());
    if (select.projection() != null) {
      request.put("ProjectionExpression", writer.projection(select.projection()));
    }
    for (String member : List.of("Limit", "ConsistentRead", "ReturnConsumedCapacity")) {
      if (Requests.has(original, member)) {
        request.set(member, original.get(member));
      }
    }
    writer.addTo(request);
    Expressions expressions = Expressions.of(request);
    Predicate<ObjectNode> filter = expressions.condition(condition, "FilterExpression");
    Expressions.Projection projection = expressions.projection(request);
    List<KeyValue> hashes = partitions(select.where(), keys, writer);
    boolean descending = descending(select, keys, hashes);
    JsonNode start = startKey(original, statementText);
    List<ObjectNode> items = new ArrayList<>();
    if (hashes == null) {
      for (ObjectNode item : table.all()) {
        if (order.contains(item)) {
          items.add(item);
        }
      }
      if (index != null) {
        items.sort(order);
      }
      if (start != null) {
        items.removeIf(item -> order.compare(item, start) <= 0);
      }
    } else {
      boolean reached = start == null;
      for (KeyValue hash : hashes) {
        List<ObjectNode> partition = partition(table, index, order, hash);
        if (descending) {
          Collections.reverse(partition);
        }
        if (!reached) {
          if (!hash.equals(KeyValue.of(start.get(keys.hashName()), keys.hashType()))) {
            continue;
          }
          reached = true;
          partition.removeIf(item -> {
            int c = order.compareWithinPartition(item, start);
            return descending ? c >= 0 : c <= 0;
          });
        }
        items.addAll(partition);
      }
    }
    String shape = projection != null ? "SPECIFIC_ATTRIBUTES" : index == null ? "ALL_ATTRIBUTES"
        : "ALL_PROJECTED_ATTRIBUTES";
    JsonNode page = ReadOperations.page(request, table, index, order, items, filter, projection, shape);
    ObjectNode out = JSON.objectNode();
    out.set("Items", page.get("Items"));
    if (page.has("LastEvaluatedKey")) {
      out.put("NextToken", nextToken(statementText, page.get("LastEvaluatedKey")));
      out.set("LastEvaluatedKey", page.get("LastEvaluatedKey"));
    }
    if (page.has("ConsumedCapacity")) {
      out.set("ConsumedCapacity", page.get("ConsumedCapacity"));
    }
    return out;
  }

  /** A SELECT by full primary key (in a batch or a transaction): the item to read and how to shape it. */
  record KeyedRead(Table table, ObjectNode key, Predicate<ObjectNode> filter, Expressions.Projection projection) {
    /** The item as the SELECT answers it: {@code null} when missing or when the rest of the WHERE clause is false. */
    ObjectNode shape(ObjectNode item) {
      if (item == null || (filter != null && !filter.test(item))) {
        return null;
      }
      return projection == null ? item : projection.apply(item);
    }
  }

  /** The key and shape of a SELECT that must name one item by its full primary key. */
  KeyedRead keyedRead(Statement.Select select, List<JsonNode> parameters) {
    Table table = catalog.require(select.table());
    if (select.index() != null) {
      throw Faults.validation("Where clause does not contain a mandatory equality on all key attributes");
    }
    ExpressionWriter writer = new ExpressionWriter(parameters);
    PartiqlKeys.Keyed keyed = PartiqlKeys.require(table.keys(), select.where(), writer);
    ObjectNode request = JSON.objectNode();
    String condition = keyed.rest() == null ? null : writer.condition(keyed.rest());
    if (select.projection() != null) {
      request.put("ProjectionExpression", writer.projection(select.projection()));
    }
    writer.addTo(request);
    Expressions expressions = Expressions.of(request);
    Predicate<ObjectNode> filter = expressions.condition(condition, "FilterExpression");
    return new KeyedRead(table, keyed.key(), filter, expressions.projection(request));
  }

  /** Reads the one item a SELECT names by its full primary key, shaped, or {@code null}. */
  ObjectNode selectByKey(Statement.Select select, List<JsonNode> parameters) {
    KeyedRead read = keyedRead(select, parameters);
    return read.shape(read.table().get(read.table().keys().keyOfKey(read.key())));
  }

  /** The partitions the WHERE clause restricts the read to, in the order named, or {@code null} for all. */
  private static List<KeyValue> partitions(Node where, KeySchema keys, ExpressionWriter writer) {
    for (Node term : PartiqlKeys.conjuncts(where)) {
      List<Node> values = null;
      Node equal = PartiqlKeys.equality(term, keys.hashName());
      if (equal != null) {
        values = List.of(equal);
      } else if (term instanceof Node.In in && in.operand() instanceof Node.Path path
          && keys.hashName().equals(path.topLevelName())) {
        values = writer.inOptions(in);
      }
      if (values != null && values.stream().allMatch(Node::isValue)) {
        Set<KeyValue> hashes = new LinkedHashSet<>();
        for (Node value : values) {
          KeyValue hash = KeyValue.of(writer.value(value), keys.hashType());
          if (hash != null) {
            hashes.add(hash);
          }
        }
        return new ArrayList<>(hashes);
      }
    }
    return null;
  }

  private static boolean descending(Statement.Select select, KeySchema keys, List<KeyValue> hashes) {
    boolean descending = false;
    for (Statement.Order order : select.orderBy()) {
      if (hashes == null) {
        throw Faults.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
      }
      if (!keys.isKeyAttribute(order.attribute())) {
        throw Faults.validation("Order by is only supported on the hash key and the range key");
      }
      if (keys.hasRange() && order.attribute().equals(keys.rangeName())) {
        descending = order.descending();
      }
    }
    return descending;
  }

  private static List<ObjectNode> partition(Table table, IndexDefinition index, ItemOrder order, KeyValue hash) {
    if (index == null) {
      return new ArrayList<>(table.partition(hash, true));
    }
    KeySchema keys = index.keys();
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode item : index.global() ? table.all() : table.partition(hash, true)) {
      if (order.contains(item) && hash.equals(KeyValue.of(item.get(keys.hashName()), keys.hashType()))) {
        out.add(item);
      }
    }
    out.sort(order::compareWithinPartition);
    return out;
  }

  private static String nextToken(String statement, JsonNode key) {
    ObjectNode token = JSON.objectNode();
    token.put("statement", statement.hashCode());
    token.set("key", key);
    return Base64.getEncoder().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode startKey(JsonNode request, String statement) {
    String token = Requests.text(request, "NextToken", null);
    if (token == null) {
      return null;
    }
    try {
      JsonNode decoded = MAPPER.readTree(Base64.getDecoder().decode(token));
      if (decoded != null && decoded.path("statement").asInt() == statement.hashCode() && decoded.has("key")) {
        return decoded.get("key");
      }
    } catch (IOException | IllegalArgumentException e) {
      // answered below
    }
    throw Faults.validation("Given NextToken is not valid for this statement");
  }
}
