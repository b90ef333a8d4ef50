package io.clix.local.internal.sfn;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.VariableReferences;
import io.clix.local.internal.sfn.mock.MockConfig;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The execution operations: StartExecution (idempotent for a running execution with the same name
 * and input), DescribeExecution, StopExecution, ListExecutions and GetExecutionHistory.
 * StartExecution and StartSyncExecution also take Step Functions Local's {@code <state machine
 * ARN>#<test case>}, which runs the execution with that test case of the mock configuration.
 */
final class ExecutionOperations {

  private static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT",
      "ABORTED", "PENDING_REDRIVE");

  private final Arns arns;
  private final Clock clock;
  private final StateMachineOperations machines;
  private final StateMachineVersions versions;
  private final ExecutionLifecycle lifecycle;
  private final MockConfig mockConfig;
  private final TaskTokens tokens;
  private final ExecutionRetention retention;
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  /** Each state machine's executions by start order (ListExecutions: newest first). */
  private final Map<String, ConcurrentSkipListMap<Long, Execution>> byMachine = new ConcurrentHashMap<>();
  private final AtomicLong started = new AtomicLong();
  /** The ended executions still kept, in the order they ended (the oldest go first). */
  private final ConcurrentLinkedQueue<Execution> ended = new ConcurrentLinkedQueue<>();
  private final AtomicInteger endedCount = new AtomicInteger();

  ExecutionOperations(Arns arns, Clock clock, StateMachineOperations machines, StateMachineVersions versions,
      ExecutionLifecycle lifecycle, MockConfig mockConfig, TaskTokens tokens, ExecutionRetention retention) {
    this.tokens = tokens;
    this.retention = retention;
    lifecycle.whenEnded(this::ended);
    this.arns = arns;
    this.mockConfig = mockConfig;
    this.clock = clock;
    this.machines = machines;
    this.versions = versions;
    this.lifecycle = lifecycle;
  }

  /** The running executions and the state each entered last, in start order. */
  List<SfnSnapshot.OpenExecution> open() {
    List<Execution> running = new ArrayList<>();
    executions.values().forEach(e -> {
      if (e.running()) {
        running.add(e);
      }
    });
    running.sort(Comparator.comparing((Execution e) -> e.startDate).thenComparing(e -> e.arn));
    List<SfnSnapshot.OpenExecution> out = new ArrayList<>();
    for (Execution e : running) {
      String state;
      synchronized (e) {
        state = e.history.lastEntered();
      }
      out.add(new SfnSnapshot.OpenExecution(e.arn, state));
    }
    return out;
  }

  JsonNode start(JsonNode request) {
    Execution execution = begin(request, false);
    return started(execution);
  }

  /**
   * StartSyncExecution: runs an EXPRESS state machine and answers once it ends (on the stack's
   * clock: a Wait in it needs the clock advanced). STANDARD machines answer
   * StateMachineTypeNotSupported, as AWS does.
   */
  JsonNode startSync(JsonNode request) throws InterruptedException {
    Execution execution = beginSync(request);
    synchronized (execution) {
      while (execution.running()) {
        execution.wait();
      }
    }
    return syncAnswer(execution);
  }

  /** Starts what StartSyncExecution runs, without waiting for it. */
  Execution beginSync(JsonNode request) {
    return begin(request, true);
  }

  /** StartSyncExecution's answer for an execution that ended. */
  ObjectNode syncAnswer(Execution execution) {
    ObjectNode out = execution.describe();
    out.remove(java.util.List.of("redriveCount", "redriveStatus", "redriveStatusReason"));
    if (!out.has("outputDetails")) {
      out.putObject("outputDetails").put("included", true);
    }
    out.putObject("billingDetails").put("billedMemoryUsedInMB", 64).put("billedDurationInMilliseconds",
        Math.max(100, java.time.Duration.between(execution.startDate, execution.stopDate).toMillis()));
    return out;
  }

  /** DescribeStateMachineForExecution: the state machine (version) an execution runs, as it started it. */
  JsonNode describeMachine(JsonNode request) {
    Execution execution = existing(SfnJson.requiredText(request, "executionArn"));
    StateMachine machine = execution.stateMachine;
    ObjectNode out = SfnJson.object();
    out.put("stateMachineArn", execution.versionArn != null ? execution.versionArn : machine.arn);
    out.put("name", machine.name);
    out.put("definition", execution.definitionText);
    out.put("roleArn", execution.roleArn);
    out.set("updateDate", SfnJson.timestamp(machine.updateDate != null ? machine.updateDate : machine.creationDate));
    out.set("loggingConfiguration", machine.loggingConfiguration);
    out.set("tracingConfiguration", machine.tracingConfiguration);
    if (machine.revisionId != null) {
      out.put("revisionId", machine.revisionId);
    }
    ObjectNode references = VariableReferences.of(execution.definition);
    if (!references.isEmpty()) {
      out.set("variableReferences", references);
    }
    return out;
  }

  private Execution begin(JsonNode request, boolean sync) {
    String machineArn = SfnJson.requiredText(request, "stateMachineArn");
    int hash = machineArn.indexOf('#');
    String testCaseName = hash < 0 ? "" : machineArn.substring(hash + 1);
    if (hash >= 0) {
      machineArn = machineArn.substring(0, hash);
    }
    StateMachineVersions.Resolved resolved = versions.resolve(machineArn);
    StateMachine machine = resolved.machine();
    TaskMocks mocks = testCaseName.isEmpty() ? null : new TaskMocks(testCase(machine, testCaseName));
    if (sync && !machine.type.equals("EXPRESS")) {
      throw new io.clix.local.internal.http.ServiceError(400, "StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine");
    }
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
    String arn = sync ? Arns.expressExecution(machine.arn, name) : Arns.execution(machine.arn, name);
    Execution created;
    synchronized (this) {
      Execution existing = executions.get(arn);
      if (existing != null) {
        if (!sync && existing.running() && existing.input.equals(input)) {
          return existing;
        }
        throw SfnErrors.executionAlreadyExists(arn);
      }
      created = new Execution(arn, name, machine, input, inputNode, clock.instant());
      created.versionArn = resolved.versionArn();
      created.aliasArn = resolved.aliasArn();
      created.mocks = mocks;
      created.sequence = started.incrementAndGet();
      executions.put(arn, created);
      byMachine.computeIfAbsent(machine.arn, k -> new ConcurrentSkipListMap<>()).put(created.sequence, created);
    }
    forgetExpired();
    JsonNode timeout = created.definition.get("TimeoutSeconds");
    lifecycle.start(created, timeout == null ? null : Duration.ofSeconds(timeout.asLong()));
    return created;
  }

  /**
   * The test case {@code name} of {@code machine} in the mock configuration; ValidationException
   * if there is no mock configuration or it does not define that test case for that state machine.
   */
  private MockConfig.TestCase testCase(StateMachine machine, String name) {
    if (mockConfig == null) {
      throw SfnErrors.validation("Test case '" + name + "' cannot run: the local stack has no mock configuration "
          + "(start it with --mock-config FILE, SFN_MOCK_CONFIG or LocalStack.builder().mockConfig(path))");
    }
    return mockConfig.testCase(machine.name, name).orElseThrow(() -> SfnErrors.validation("Test case '" + name
        + "' is not defined for state machine '" + machine.name + "' in the mock configuration"));
  }

  private static ObjectNode started(Execution execution) {
    ObjectNode out = SfnJson.object();
    out.put("executionArn", execution.arn);
    out.set("startDate", SfnJson.timestamp(execution.startDate));
    return out;
  }

  /** An execution ended: it is kept as long as the retention allows, with the others that ended. */
  private void ended(Execution execution) {
    ended.add(execution);
    endedCount.incrementAndGet();
    forgetExpired();
  }

  /** Forgets the oldest ended executions beyond the retention's count or age (on the stack's clock). */
  private void forgetExpired() {
    java.time.Instant oldest = null;
    while (true) {
      Execution first = ended.peek();
      if (first == null) {
        return;
      }
      if (endedCount.get() <= retention.maxEnded()) {
        if (oldest == null) {
          oldest = clock.instant().minus(retention.age());
        }
        java.time.Instant stop = first.stopDate;
        if (stop == null || !stop.isBefore(oldest)) {
          return;
        }
      }
      if (ended.remove(first)) {
        endedCount.decrementAndGet();
        executions.remove(first.arn, first);
        ConcurrentSkipListMap<Long, Execution> list = byMachine.get(first.stateMachine.arn);
        if (list != null) {
          list.remove(first.sequence, first);
        }
        tokens.forget(first);
      }
    }
  }

  /** The execution of {@code arn} (any kind, unchecked), or null. */
  Execution find(String arn) {
    return executions.get(arn);
  }

  Execution existing(String arn) {
    Arns.check(arn, "execution");
    Execution execution = executions.get(arn);
    if (execution == null) {
      throw SfnErrors.executionDoesNotExist(arn);
    }
    return execution;
  }

  /** Every execution, oldest first (read by the console). */
  List<Execution> all() {
    List<Execution> all = new ArrayList<>(executions.values());
    all.sort(java.util.Comparator.comparing((Execution e) -> e.startDate).thenComparing(e -> e.arn));
    return all;
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
        lifecycle.abort(execution, error, cause);
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
    forgetExpired();
    ConcurrentSkipListMap<Long, Execution> list = byMachine.get(machine.arn);
    List<ObjectNode> items = new ArrayList<>();
    for (Execution execution : list == null ? List.<Execution>of() : list.descendingMap().values()) { // newest first
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
