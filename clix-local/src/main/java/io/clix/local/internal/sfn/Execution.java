package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.internal.time.ClockScheduler;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One execution: what the API describes (status, input, output, error) and its history. Every
 * change happens while holding the execution's monitor ({@code synchronized (execution)}).
 */
final class Execution {

  /** The ISO-8601 form AWS uses in the context object, always with milliseconds. */
  static final DateTimeFormatter CONTEXT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  final String arn;
  final String name;
  final StateMachine stateMachine;
  final JsonNode definition;
  final String roleArn;
  /** The definition as the execution started it (DescribeStateMachineForExecution). */
  final String definitionText;
  /** The version and alias a qualified StartExecution ran, or {@code null}. */
  volatile String versionArn;
  volatile String aliasArn;
  final String input;
  /** The input as JSON while the execution runs (parsed again from {@link #input} if needed later). */
  private JsonNode inputNode;
  final Instant startDate;
  /** The order of its start among the stack's executions. */
  long sequence;
  final ExecutionHistory history = new ExecutionHistory();
  /** Timers and tickets that die with the execution. */
  final Set<ClockScheduler.Timer> timers = new HashSet<>();
  final Set<TaskTicket> tickets = new HashSet<>();
  /** Run once, holding the monitor, when the execution ends (a parent's {@code .sync} task waiting on it). */
  final List<Runnable> whenEnded = new ArrayList<>(0);
  /** The task tokens issued to this execution, forgotten with it. */
  String[] tokens;

  volatile String status = "RUNNING";
  Instant stopDate;
  String output;
  String error;
  String cause;
  Frame root;
  /** The mocked service integrations the execution runs with (a test case of the mock configuration), or null. */
  TaskMocks mocks;
  private ObjectNode executionContext;
  private ObjectNode machineContext;

  Execution(String arn, String name, StateMachine stateMachine, String input, JsonNode inputNode, Instant startDate) {
    this.arn = arn;
    this.name = name;
    this.stateMachine = stateMachine;
    this.definition = stateMachine.parsed;
    this.definitionText = stateMachine.definition;
    this.roleArn = stateMachine.roleArn;
    this.input = input;
    this.inputNode = inputNode;
    this.startDate = startDate;
  }

  boolean running() {
    return "RUNNING".equals(status);
  }

  /** The input as JSON. */
  JsonNode inputNode() {
    if (inputNode == null) {
      inputNode = SfnJson.parseOrNull(input);
    }
    return inputNode;
  }

  /** Drops the parsed input and the cached context object (built again when a state needs them). */
  void dropContext() {
    inputNode = null;
    executionContext = null;
    machineContext = null;
  }

  /** Remembers a task token issued to this execution. */
  void issued(String token) {
    tokens = tokens == null ? new String[] {token} : java.util.Arrays.copyOf(tokens, tokens.length + 1);
    tokens[tokens.length - 1] = token;
  }

  /**
   * Drops what only a running execution needs (its frames, parsed input and context) and seals its
   * history into its compact form; what the API shows stays as it was.
   */
  void ended() {
    history.seal();
    if (root != null) {
      root.stateInput(null);
    }
    inputNode = null;
    executionContext = null;
    machineContext = null;
    mocks = null;
  }

  /** The context object's fixed part: {@code $$.Execution} and {@code $$.StateMachine}. */
  ObjectNode baseContext() {
    if (executionContext == null) {
      ObjectNode execution = SfnJson.object();
      execution.put("Id", arn);
      execution.set("Input", inputNode());
      execution.put("Name", name);
      execution.put("RoleArn", roleArn);
      execution.put("StartTime", CONTEXT_TIME.format(startDate));
      execution.put("RedriveCount", 0);
      ObjectNode machine = SfnJson.object();
      machine.put("Id", stateMachine.arn);
      machine.put("Name", stateMachine.name);
      executionContext = execution;
      machineContext = machine;
    }
    ObjectNode context = SfnJson.object();
    context.set("Execution", executionContext);
    context.set("StateMachine", machineContext);
    return context;
  }

  synchronized ObjectNode describe() {
    ObjectNode out = listItem(); // DescribeExecution starts with the fields of ListExecutions' items
    if (versionArn != null) {
      out.put("stateMachineVersionArn", versionArn);
    }
    if (aliasArn != null) {
      out.put("stateMachineAliasArn", aliasArn);
    }
    out.put("input", input);
    out.putObject("inputDetails").put("included", true);
    if (output != null) {
      out.put("output", output);
      out.putObject("outputDetails").put("included", true);
    }
    if (error != null) {
      out.put("error", error);
    }
    if (cause != null) {
      out.put("cause", cause);
    }
    out.put("redriveCount", 0);
    if (status.equals("RUNNING") || status.equals("SUCCEEDED")) {
      out.put("redriveStatus", "NOT_REDRIVABLE");
      out.put("redriveStatusReason", "Execution is " + status + " and cannot be redriven");
    } else {
      out.put("redriveStatus", "REDRIVABLE");
    }
    return out;
  }

  synchronized ObjectNode listItem() {
    ObjectNode out = SfnJson.object();
    out.put("executionArn", arn);
    out.put("stateMachineArn", stateMachine.arn);
    out.put("name", name);
    out.put("status", status);
    out.set("startDate", SfnJson.timestamp(startDate));
    if (stopDate != null) {
      out.set("stopDate", SfnJson.timestamp(stopDate));
    }
    return out;
  }
}
