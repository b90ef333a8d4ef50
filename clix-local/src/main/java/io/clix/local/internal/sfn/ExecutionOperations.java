package io.clix.local.internal.sfn;

import io.clix.local.StackSnapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The execution operations: StartExecution (idempotent for a running execution with the same name
 * and input), DescribeExecution, StopExecution, ListExecutions and GetExecutionHistory.
 */
final class ExecutionOperations {

  private static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT",
      "ABORTED", "PENDING_REDRIVE");

  private final Arns arns;
  private final Clock clock;
  private final StateMachineOperations machines;
  private final Interpreter interpreter;
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final Map<String, List<Execution>> byMachine = new ConcurrentHashMap<>();

  ExecutionOperations(Arns arns, Clock clock, StateMachineOperations machines, Interpreter interpreter) {
    this.arns = arns;
    this.clock = clock;
    this.machines = machines;
    this.interpreter = interpreter;
  }

  /** The running executions and the state each entered last, in start order. */
  List<StackSnapshot.OpenExecution> open() {
    List<Execution> running = new ArrayList<>();
    executions.values().forEach(e -> {
      if (e.running()) {
        running.add(e);
      }
    });
    running.sort(Comparator.comparing((Execution e) -> e.startDate).thenComparing(e -> e.arn));
    List<StackSnapshot.OpenExecution> out = new ArrayList<>();
    for (Execution e : running) {
      String state = null;
      List<ObjectNode> events;
      synchronized (e) {
        events = e.history.snapshot();
      }
      for (int i = events.size() - 1; i >= 0 && state == null; i--) {
        JsonNode entered = events.get(i).get("stateEnteredEventDetails");
        if (entered != null) {
          state = entered.path("name").asText();
        }
      }
      out.add(new StackSnapshot.OpenExecution(e.arn, state));
    }
    return out;
  }

  JsonNode start(JsonNode request) {
    String machineArn = SfnJson.requiredText(request, "stateMachineArn");
    StateMachine machine = machines.existing(machineArn);
    String name = SfnJson.optionalText(request, "name");
    if (name == null) {
      name = UUID.randomUUID().toString();
    }
    SfnJson.checkLength("name", name, 1, 80);
    Arns.checkName(name);
    String input = SfnJson.optionalText(request, "input");
    if (input == null) {
      input = "{}";
    }
    if (SfnJson.utf8Length(input) > SfnJson.PAYLOAD_LIMIT) {
      throw SfnErrors.validation("1 validation error detected: Value at 'input' failed to satisfy constraint: "
          + "Member must have length less than or equal to " + SfnJson.PAYLOAD_LIMIT);
    }
    JsonNode inputNode = SfnJson.parseOrNull(input);
    if (inputNode == null) {
      throw SfnErrors.invalidExecutionInput("Invalid State Machine Execution Input: '"
          + SfnJson.parseProblem(input) + "'");
    }
    String arn = arns.execution(machine.name, name);
    Execution created;
    synchronized (this) {
      Execution existing = executions.get(arn);
      if (existing != null) {
        if (existing.running() && existing.input.equals(input)) {
          return started(existing);
        }
        throw SfnErrors.executionAlreadyExists(arn);
      }
      created = new Execution(arn, name, machine, input, inputNode, clock.instant());
      executions.put(arn, created);
      byMachine.computeIfAbsent(machine.arn, k -> Collections.synchronizedList(new ArrayList<>())).add(created);
    }
    JsonNode timeout = created.definition.get("TimeoutSeconds");
    interpreter.lifecycle.start(created, timeout == null ? null : Duration.ofSeconds(timeout.asLong()));
    return started(created);
  }

  private static ObjectNode started(Execution execution) {
    ObjectNode out = SfnJson.object();
    out.put("executionArn", execution.arn);
    out.set("startDate", SfnJson.timestamp(execution.startDate));
    return out;
  }

  Execution existing(String arn) {
    Arns.check(arn, "execution");
    Execution execution = executions.get(arn);
    if (execution == null) {
      throw SfnErrors.executionDoesNotExist(arn);
    }
    return execution;
  }

  JsonNode describe(JsonNode request) {
    return existing(SfnJson.requiredText(request, "executionArn")).describe();
  }

  JsonNode stop(JsonNode request) {
    Execution execution = existing(SfnJson.requiredText(request, "executionArn"));
    String error = SfnJson.optionalText(request, "error");
    String cause = SfnJson.optionalText(request, "cause");
    SfnJson.checkLength("error", error, 0, 256);
    SfnJson.checkLength("cause", cause, 0, 32768);
    synchronized (execution) {
      if (execution.running()) {
        interpreter.lifecycle.abort(execution, error, cause);
      }
      ObjectNode out = SfnJson.object();
      out.set("stopDate", SfnJson.timestamp(execution.stopDate));
      return out;
    }
  }

  JsonNode list(JsonNode request) {
    String machineArn = SfnJson.requiredText(request, "stateMachineArn");
    StateMachine machine = machines.existing(machineArn);
    String status = SfnJson.optionalText(request, "statusFilter");
    if (status != null && !STATUSES.contains(status)) {
      throw SfnErrors.validation("1 validation error detected: Value '" + status + "' at 'statusFilter' "
          + "failed to satisfy constraint: Member must satisfy enum value set: "
          + "[RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
    }
    List<Execution> all;
    List<Execution> list = byMachine.getOrDefault(machine.arn, List.of());
    synchronized (list) {
      all = new ArrayList<>(list);
    }
    Collections.reverse(all); // newest first
    List<ObjectNode> items = new ArrayList<>();
    for (Execution execution : all) {
      if (status == null || status.equals(execution.status)) {
        items.add(execution.listItem());
      }
    }
    ObjectNode out = SfnJson.object();
    Pages.page(request, items, out, "executions", machine.arn + "|" + status);
    return out;
  }

  JsonNode history(JsonNode request) {
    Execution execution = existing(SfnJson.requiredText(request, "executionArn"));
    boolean reverse = request.path("reverseOrder").asBoolean(false);
    boolean includeData = !request.has("includeExecutionData") || request.get("includeExecutionData").asBoolean(true);
    List<ObjectNode> events;
    synchronized (execution) {
      events = execution.history.snapshot();
    }
    if (reverse) {
      Collections.reverse(events);
    }
    if (!includeData) {
      List<ObjectNode> stripped = new ArrayList<>();
      for (ObjectNode event : events) {
        stripped.add(withoutData(event));
      }
      events = stripped;
    }
    ObjectNode out = SfnJson.object();
    Pages.page(request, events, out, "events", execution.arn + "|" + reverse);
    return out;
  }

  private static ObjectNode withoutData(ObjectNode event) {
    ObjectNode copy = event.deepCopy();
    for (Map.Entry<String, JsonNode> field : copy.properties()) {
      if (field.getValue().isObject()) {
        ((ObjectNode) field.getValue()).remove(List.of("input", "output", "parameters"));
      }
    }
    return copy;
  }
}
