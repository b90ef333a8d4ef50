package io.clix.local.dynamodb.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Sends steps to both endpoints and compares their normalized answers. Keeps track of whether a
 * write may have changed the fixture, and re-creates it on both endpoints before the next case
 * only then, so read-only cases cost one request per step.
 */
final class Differential {

  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** {@code -Doracle.print=true} prints every step's request and answers to stderr. */
  private static final boolean PRINT = Boolean.getBoolean("oracle.print");

  /** Runs the dynalite side of each step while the calling thread runs the embedded side. */
  private static final Executor ORACLE = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "oracle-dynalite");
    thread.setDaemon(true);
    return thread;
  });

  private final Endpoints endpoints;
  /** Fixture tables a write may have changed since the last reset; {@code null} for "any table". */
  private Set<String> changed;

  Differential(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  Endpoints endpoints() {
    return endpoints;
  }

  /** Both endpoints' normalized answers to one step. */
  record Outcome(JsonNode embedded, JsonNode dynalite) {
    boolean same() {
      return embedded.equals(dynalite);
    }

    /** The answers with error messages removed (types and statuses stay). */
    Outcome withoutErrorMessages() {
      return new Outcome(withoutMessage(embedded), withoutMessage(dynalite));
    }

    private static JsonNode withoutMessage(JsonNode answer) {
      JsonNode copy = answer.deepCopy();
      if (copy.get("error") instanceof ObjectNode error) {
        error.remove("message");
      }
      return copy;
    }

    boolean succeeded() {
      return !embedded.has("error") || !dynalite.has("error");
    }
  }

  /** Runs {@code oracleCase} from a fresh fixture and fails at the first step whose answers differ. */
  void check(OracleCase oracleCase) {
    startFromFixture();
    List<Step> steps = oracleCase.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Outcome outcome = send(step);
      if (oracleCase.messagesDifferBecause() != null) {
        outcome = outcome.withoutErrorMessages();
      }
      if (PRINT) {
        System.err.println("case '" + oracleCase.name() + "' step " + (i + 1) + "\n" + report(step, outcome));
      }
      if (!outcome.same() && oracleCase.embeddedDiffers() != null) {
        Assumptions.abort("embedded differs: " + oracleCase.embeddedDiffers() + "\n" + report(step, outcome));
      }
      if (!outcome.same()) {
        throw new AssertionFailedError("case '" + oracleCase.name() + "', step " + (i + 1) + " of " + steps.size()
            + ": the embedded endpoint and dynalite answer differently\n" + report(step, outcome),
            json(outcome.dynalite()), json(outcome.embedded()));
      }
    }
  }

  /** Re-creates on both endpoints the fixture tables that previous steps may have changed. */
  void startFromFixture() {
    if (changed == null || !changed.isEmpty()) {
      Fixture.reset(endpoints.embedded(), changed);
      Fixture.reset(endpoints.dynalite(), changed);
      changed = new HashSet<>();
    }
  }

  /** Sends one step to both endpoints at once (they share no state) and waits for both answers. */
  Outcome send(Step step) {
    CompletableFuture<JsonNode> oracle = CompletableFuture.supplyAsync(() -> step.run(endpoints.dynalite()), ORACLE);
    JsonNode embedded = step.run(endpoints.embedded());
    JsonNode dynalite = oracle.join();
    if (step instanceof Step.Call call && !dynalite.has("error")) {
      awaitDynaliteActive(call.sdkRequest());
    }
    Outcome outcome = new Outcome(embedded, dynalite);
    if (step.writes() && outcome.succeeded()) {
      tablesChanged(step.tablesWritten());
    }
    return outcome;
  }

  /**
   * Waits until dynalite has finished a table or index change it acknowledged: dynalite (like AWS)
   * answers CreateTable and UpdateTable while the table is still CREATING or UPDATING and turns it
   * ACTIVE a moment later, even with zero delays configured, where the embedded endpoint is ACTIVE at
   * once. The next step then compares settled tables, whatever the machine's load.
   */
  private void awaitDynaliteActive(DynamoDbRequest request) {
    String table = request instanceof CreateTableRequest r ? r.tableName()
        : request instanceof UpdateTableRequest r ? r.tableName() : null;
    if (table == null) {
      return;
    }
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < giveUp) {
      TableDescription t = endpoints.dynalite().describeTable(b -> b.tableName(table)).table();
      boolean indexesActive = t.globalSecondaryIndexes().stream()
          .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
      if (t.tableStatus() == TableStatus.ACTIVE && indexesActive) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionFailedError("dynalite kept table " + table + " from ACTIVE for 30 s");
  }

  /** Marks fixture tables as changed ({@code null}: any table), e.g. after writing directly through a client. */
  void tablesChanged(Set<String> tables) {
    if (tables == null || changed == null) {
      changed = null;
    } else {
      changed.addAll(tables);
    }
  }

  /** The request, both answers and the paths where they differ, for a failure message. */
  static String report(Step step, Outcome outcome) {
    return "request:\n" + json(step.request())
        + "\nembedded:\n" + json(outcome.embedded())
        + "\ndynalite:\n" + json(outcome.dynalite())
        + "\ndiffering paths: " + differences(outcome.embedded(), outcome.dynalite());
  }

  static String json(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return String.valueOf(node);
    }
  }

  /** JSON pointers (at most 10) where the two trees differ. */
  static List<String> differences(JsonNode left, JsonNode right) {
    List<String> paths = new ArrayList<>();
    collect("", left, right, paths);
    return paths.size() > 10 ? paths.subList(0, 10) : paths;
  }

  private static void collect(String path, JsonNode left, JsonNode right, List<String> paths) {
    if (left == null || right == null || left.getNodeType() != right.getNodeType()) {
      paths.add(path.isEmpty() ? "/" : path);
    } else if (left.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      left.fieldNames().forEachRemaining(names::add);
      right.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        collect(path + "/" + name, left.get(name), right.get(name), paths);
      }
    } else if (left.isArray()) {
      if (left.size() != right.size()) {
        paths.add(path + " (sizes " + left.size() + " vs " + right.size() + ")");
      }
      Iterator<JsonNode> l = left.elements();
      Iterator<JsonNode> r = right.elements();
      for (int i = 0; l.hasNext() && r.hasNext(); i++) {
        collect(path + "/" + i, l.next(), r.next(), paths);
      }
    } else if (!left.equals(right)) {
      paths.add(path);
    }
  }
}
