package io.clix.local.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.time.ManualClock;
import io.clix.local.internal.http.AwsJsonService;
import io.clix.local.internal.sfn.ConsoleView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The console's JSON API: read-only views of the stack's state machines, executions, activities
 * and DynamoDB tables, and, on a manual clock, moving time forward. Reads DynamoDB through its own
 * read operations (ListTables, DescribeTable, Scan) and Step Functions through {@link ConsoleView}.
 */
public final class ConsoleApi {

  private static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");
  private static final int MAX_PAGE = 100;

  /** An error answer of the console API. */
  static final class Problem extends RuntimeException {
    final int status;

    Problem(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private final ObjectMapper mapper;
  private final Clock clock;
  private final Consumer<Duration> advance;
  private final ConsoleView stepFunctions;
  private final AwsJsonService dynamoDb;

  /**
   * @param advance moves the manual clock forward and waits for the stack to settle; null when the
   *     stack runs on another clock
   */
  public ConsoleApi(ObjectMapper mapper, Clock clock, Consumer<Duration> advance, ConsoleView stepFunctions,
      AwsJsonService dynamoDb) {
    this.mapper = mapper;
    this.clock = clock;
    this.advance = advance;
    this.stepFunctions = stepFunctions;
    this.dynamoDb = dynamoDb;
  }

  JsonNode get(String route, Map<String, String> query) {
    switch (route) {
      case "clock": return clockState();
      case "overview": return overview();
      case "state-machines": return stepFunctions.stateMachines();
      case "state-machine": return found(stepFunctions.stateMachine(required(query, "arn")), "state machine");
      case "executions": return stepFunctions.executions(query.get("stateMachineArn"), status(query.get("status")),
          query.get("search"));
      case "execution": return found(stepFunctions.execution(required(query, "arn")), "execution");
      case "activities": return stepFunctions.activities();
      case "tables": return tables();
      case "table-items": return items(required(query, "table"), query.get("limit"), query.get("start"));
      default: throw new Problem(404, "no such console API: " + route);
    }
  }

  /** The current time and whether it can be advanced from the console. */
  ObjectNode clockState() {
    ObjectNode out = mapper.createObjectNode();
    out.put("now", clock.instant().toString());
    out.put("epochMillis", clock.millis());
    out.put("manual", clock instanceof ManualClock && advance != null);
    return out;
  }

  JsonNode advance(String seconds) {
    if (advance == null || !(clock instanceof ManualClock)) {
      throw new Problem(409, "this stack runs on " + clock + "; only a manual clock can be advanced");
    }
    double amount;
    try {
      amount = Double.parseDouble(seconds == null ? "" : seconds);
    } catch (NumberFormatException e) {
      throw new Problem(400, "seconds must be a number: " + seconds);
    }
    if (!(amount > 0) || amount > 366 * 24 * 3600.0) {
      throw new Problem(400, "seconds must be more than 0 and at most a year: " + seconds);
    }
    advance.accept(Duration.ofMillis(Math.round(amount * 1000)));
    return clockState();
  }

  private ObjectNode overview() {
    ObjectNode out = mapper.createObjectNode();
    out.set("clock", clockState());
    out.set("stateMachines", stepFunctions.stateMachines());
    out.set("activities", stepFunctions.activities());
    out.set("tables", tables());
    return out;
  }

  private ArrayNode tables() {
    ArrayNode out = mapper.createArrayNode();
    String start = null;
    do {
      ObjectNode request = mapper.createObjectNode();
      if (start != null) {
        request.put("ExclusiveStartTableName", start);
      }
      JsonNode page = dynamoDb.handle("ListTables", request);
      for (JsonNode name : page.path("TableNames")) {
        JsonNode table = dynamoDb.handle("DescribeTable", mapper.createObjectNode().put("TableName", name.asText()))
            .path("Table");
        ObjectNode item = out.addObject();
        item.put("name", name.asText());
        item.put("status", table.path("TableStatus").asText());
        item.put("itemCount", table.path("ItemCount").asLong());
        item.put("sizeBytes", table.path("TableSizeBytes").asLong());
        item.set("keySchema", table.path("KeySchema"));
        if (table.has("GlobalSecondaryIndexes")) {
          ArrayNode indexes = item.putArray("indexes");
          table.get("GlobalSecondaryIndexes").forEach(i -> indexes.add(i.path("IndexName").asText()));
        }
      }
      start = page.path("LastEvaluatedTableName").asText(null);
    } while (start != null);
    return out;
  }

  /** One page of a table's items in DynamoDB JSON; {@code next} is the opaque start of the next page. */
  private ObjectNode items(String table, String limit, String start) {
    int size;
    try {
      size = limit == null ? 25 : Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw new Problem(400, "limit must be a number: " + limit);
    }
    if (size < 1 || size > MAX_PAGE) {
      throw new Problem(400, "limit must be 1.." + MAX_PAGE + ": " + limit);
    }
    ObjectNode request = mapper.createObjectNode().put("TableName", table).put("Limit", size);
    if (start != null && !start.isEmpty()) {
      try {
        request.set("ExclusiveStartKey", mapper.readTree(Base64.getUrlDecoder().decode(start)));
      } catch (Exception e) {
        throw new Problem(400, "start is not a page token of this console");
      }
    }
    JsonNode page = dynamoDb.handle("Scan", request);
    ObjectNode out = mapper.createObjectNode();
    out.put("table", table);
    out.set("items", ConsoleView.mask(page.path("Items").deepCopy()));
    JsonNode last = page.get("LastEvaluatedKey");
    if (last != null && !last.isNull()) {
      out.put("next", Base64.getUrlEncoder().withoutPadding()
          .encodeToString(last.toString().getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** A number that changes whenever something the console shows changes. */
  long version() {
    long version = stepFunctions.version();
    for (JsonNode table : tables()) {
      version = version * 31 + table.path("name").asText().hashCode();
      version = version * 31 + table.path("itemCount").asLong();
      version = version * 31 + table.path("sizeBytes").asLong();
    }
    if (clock instanceof ManualClock) {
      version = version * 31 + clock.millis();
    }
    return version;
  }

  private static String status(String status) {
    if (status == null || status.isEmpty()) {
      return null;
    }
    if (!STATUSES.contains(status)) {
      throw new Problem(400, "status must be one of " + STATUSES + ": " + status);
    }
    return status;
  }

  private static String required(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      throw new Problem(400, "missing query parameter: " + name);
    }
    return value;
  }

  private static JsonNode found(JsonNode node, String what) {
    if (node == null) {
      throw new Problem(404, "no such " + what);
    }
    return node;
  }
}
