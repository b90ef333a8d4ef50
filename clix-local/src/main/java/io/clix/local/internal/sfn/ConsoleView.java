package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The read-only view of Step Functions that the web console draws: state machines with their
 * definitions, executions with their histories and the path they took, and activities with their
 * waiting tasks and pollers. Every task token is masked in what it returns.
 */
public final class ConsoleView {

  private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])AQ[A-Za-z0-9_-]{86}(?![A-Za-z0-9_-])");
  /** What a task token reads as in the console. */
  public static final String MASKED_TOKEN = "AQ\u2026[task token masked]";

  private final StateMachineOperations machines;
  private final ExecutionOperations executions;
  private final ActivityOperations activities;

  ConsoleView(StateMachineOperations machines, ExecutionOperations executions, ActivityOperations activities) {
    this.machines = machines;
    this.executions = executions;
    this.activities = activities;
  }

  /** The state machines by name, each with how many executions it has per status. */
  public ArrayNode stateMachines() {
    List<StateMachine> all = new ArrayList<>(machines.machines.values());
    all.sort(Comparator.comparing((StateMachine m) -> m.name));
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Execution execution : executions.all()) {
      counts.computeIfAbsent(execution.stateMachine.arn, k -> new LinkedHashMap<>())
          .merge(execution.status, 1, Integer::sum);
    }
    ArrayNode out = SfnJson.NODES.arrayNode();
    for (StateMachine machine : all) {
      ObjectNode item = machine.listItem();
      ObjectNode byStatus = item.putObject("executions");
      counts.getOrDefault(machine.arn, Map.of()).forEach(byStatus::put);
      out.add(item);
    }
    return out;
  }

  /** One state machine with its definition as JSON ({@code definitionJson}), or null if there is none. */
  public ObjectNode stateMachine(String arn) {
    StateMachine machine = machines.machines.get(arn);
    if (machine == null) {
      return null;
    }
    ObjectNode out = machine.describe();
    out.set("definitionJson", machine.parsed.deepCopy());
    return out;
  }

  /**
   * Executions, newest first, optionally of one machine, of one status, and whose name or ARN
   * contains {@code search} (case-insensitive); null arguments do not filter.
   */
  public ArrayNode executions(String machineArn, String status, String search) {
    List<Execution> all = executions.all();
    ArrayNode out = SfnJson.NODES.arrayNode();
    String needle = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
    for (int i = all.size() - 1; i >= 0; i--) {
      Execution execution = all.get(i);
      if (machineArn != null && !machineArn.equals(execution.stateMachine.arn)) {
        continue;
      }
      if (status != null && !status.equals(execution.status)) {
        continue;
      }
      if (needle != null && !execution.arn.toLowerCase(Locale.ROOT).contains(needle)) {
        continue;
      }
      ObjectNode item = execution.listItem();
      item.put("stateMachineName", execution.stateMachine.name);
      out.add(item);
    }
    return out;
  }

  /**
   * One execution as DescribeExecution answers, with its definition ({@code definitionJson}), its
   * history ({@code events}) and the path it took ({@code path}), tokens masked; null if there is none.
   */
  public ObjectNode execution(String arn) {
    Execution execution = executions.all().stream().filter(e -> e.arn.equals(arn)).findFirst().orElse(null);
    if (execution == null) {
      return null;
    }
    ObjectNode out;
    List<ObjectNode> events;
    synchronized (execution) {
      out = execution.describe();
      events = execution.history.snapshot();
    }
    out.put("stateMachineName", execution.stateMachine.name);
    out.set("definitionJson", execution.definition.deepCopy());
    ArrayNode history = out.putArray("events");
    for (ObjectNode event : events) {
      history.add(event.deepCopy());
    }
    out.set("path", path(events));
    return (ObjectNode) mask(out);
  }

  /** The activities by name, each with how many tasks wait for a worker and how many workers poll. */
  public ArrayNode activities() {
    List<Activity> all = new ArrayList<>(activities.activities.values());
    all.sort(Comparator.comparing((Activity a) -> a.name));
    ArrayNode out = SfnJson.NODES.arrayNode();
    for (Activity activity : all) {
      ObjectNode item = activity.listItem();
      item.put("waitingTasks", activity.waitingTasks());
      item.put("pollers", activity.waitingPollers());
      out.add(item);
    }
    return out;
  }

  /** A number that changes whenever something the console shows about Step Functions changes. */
  public long version() {
    long version = machines.machines.size() * 31L + activities.activities.size();
    for (StateMachine machine : machines.machines.values()) {
      version = version * 31 + (machine.revisionId == null ? 0 : machine.revisionId.hashCode());
    }
    for (Execution execution : executions.all()) {
      synchronized (execution) {
        version = version * 31 + execution.history.size();
      }
      version = version * 31 + execution.status.hashCode();
    }
    for (Activity activity : activities.activities.values()) {
      version = version * 31 + activity.waitingTasks() * 7L + activity.waitingPollers();
    }
    return version;
  }

  /**
   * The states entered in order ({@code states}: name, entered and exited event ids), and the
   * transitions taken ({@code transitions}: from, to), following each event's previous event back
   * to the state exited (or the enclosing state entered) before it.
   */
  static ObjectNode path(List<ObjectNode> events) {
    Map<Long, ObjectNode> byId = new HashMap<>();
    for (ObjectNode event : events) {
      byId.put(event.path("id").asLong(), event);
    }
    ObjectNode out = SfnJson.object();
    ArrayNode states = out.putArray("states");
    ArrayNode transitions = out.putArray("transitions");
    Map<String, ObjectNode> open = new HashMap<>();
    for (ObjectNode event : events) {
      String type = event.path("type").asText();
      if (type.endsWith("StateEntered")) {
        String name = event.path("stateEnteredEventDetails").path("name").asText();
        ObjectNode state = states.addObject();
        state.put("name", name);
        state.put("type", type.substring(0, type.length() - "StateEntered".length()));
        state.put("enteredEventId", event.path("id").asLong());
        open.put(name, state);
        String from = before(event, byId);
        if (from != null) {
          ObjectNode transition = transitions.addObject();
          transition.put("from", from);
          transition.put("to", name);
        }
      } else if (type.endsWith("StateExited")) {
        ObjectNode state = open.remove(event.path("stateExitedEventDetails").path("name").asText());
        if (state != null) {
          state.put("exitedEventId", event.path("id").asLong());
        }
      }
    }
    return out;
  }

  private static String before(ObjectNode entered, Map<Long, ObjectNode> byId) {
    ObjectNode event = byId.get(entered.path("previousEventId").asLong());
    for (int steps = 0; event != null && steps < 10_000; steps++) {
      String type = event.path("type").asText();
      if (type.endsWith("StateExited")) {
        return event.path("stateExitedEventDetails").path("name").asText();
      }
      if (type.endsWith("StateEntered")) {
        return event.path("stateEnteredEventDetails").path("name").asText();
      }
      event = byId.get(event.path("previousEventId").asLong());
    }
    return null;
  }

  /** A copy of {@code node} with every task token in its strings replaced by {@link #MASKED_TOKEN}. */
  public static JsonNode mask(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      return text.contains("AQ") ? new TextNode(TOKEN.matcher(text).replaceAll(MASKED_TOKEN)) : node;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(mask(field.getValue()));
      }
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, mask(array.get(i)));
      }
    }
    return node;
  }
}
