package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.ChoiceRules;
import io.clix.local.internal.sfn.asl.ErrorMatching;
import io.clix.local.internal.sfn.asl.StatesError;
import io.clix.core.internal.time.ClockScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Amazon States Language interpreter: moves frames from state to state, writes the history,
 * and handles Retry and Catch. Nothing here blocks: a state that waits (Wait, Task, Parallel, Map)
 * registers a timer, a task ticket or child frames and returns; whatever ends the wait submits a
 * job to the {@link WorkPool} that resumes the frame. All methods run holding the execution's
 * monitor.
 */
final class Interpreter implements StateRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(Interpreter.class);
  private static final int TRANSITIONS_PER_JOB = 1_000;

  private final ClockScheduler scheduler;
  private final WorkPool pool;
  private final Random random = new Random();
  private final ExecutionLifecycle lifecycle = new ExecutionLifecycle(this);
  private final JsonataStates jsonata = new JsonataStates(this);
  private TaskStates tasks;
  private BranchStates branches;

  Interpreter(ClockScheduler scheduler, WorkPool pool) {
    this.scheduler = scheduler;
    this.pool = pool;
  }

  /** Wires the state handlers, which were built on this interpreter as their {@link StateRuntime}. */
  void handlers(TaskStates tasks, BranchStates branches) {
    this.tasks = tasks;
    this.branches = branches;
  }

  /** How executions begin and end. */
  ExecutionLifecycle lifecycle() {
    return lifecycle;
  }

  @Override
  public Instant now() {
    return scheduler.now();
  }

  @Override
  public void submit(Runnable job) {
    pool.submit(job);
  }

  @Override
  public Runnable hold() {
    return pool.hold();
  }

  @Override
  public ClockScheduler.Timer schedule(Instant due, Runnable job) {
    return scheduler.schedule(due, job);
  }

  /** Runs {@code body}; a full history fails the execution as AWS does. */
  @Override
  public void guarded(Execution execution, Runnable body) {
    try {
      body.run();
    } catch (ExecutionHistory.LimitExceeded e) {
      lifecycle.fail(execution, execution.history.size(), "States.Runtime",
          "The execution reached the maximum number of history events (" + ExecutionHistory.LIMIT + ").");
    } catch (StatesError e) {
      lifecycle.fail(execution, execution.history.size(), e.error(), e.cause());
    } catch (RuntimeException e) {
      LOG.error("the local Step Functions failed running an execution", e);
      lifecycle.fail(execution, execution.history.size(), "States.Runtime", "The local stack failed: " + e);
    }
  }

  // ---------------------------------------------------------------------------------- frames

  /** Runs {@code frame} from {@code next} until it waits or ends. */
  @Override
  public void proceed(Frame frame, Transition next) {
    int steps = 0;
    while (next != null && !frame.finished && frame.execution.running()) {
      if (++steps > TRANSITIONS_PER_JOB) {
        Transition later = next;
        long generation = frame.generation;
        pool.submit(() -> resume(frame, generation, () -> proceed(frame, later)));
        return;
      }
      next = enter(frame, next.state(), next.input());
    }
    if (!frame.finished && frame.execution.running()) {
      frame.park(); // it waits: its input as text, not nodes, until the wait ends
    }
  }

  /** Re-enters a frame from a job, unless it moved on or ended meanwhile. */
  @Override
  public void resume(Frame frame, long generation, Runnable body) {
    Execution execution = frame.execution;
    synchronized (execution) {
      if (frame.finished || frame.generation != generation || !execution.running()) {
        return;
      }
      guarded(execution, body);
    }
  }

  /** Runs {@code body} (holding the lock) at {@code due}, unless the frame stopped waiting. */
  @Override
  public ClockScheduler.Timer at(Frame frame, Instant due, Runnable body) {
    long generation = frame.generation;
    Runnable job = () -> resume(frame, generation, body);
    if (!due.isAfter(now())) {
      pool.submit(job);
      return null;
    }
    ClockScheduler.Timer timer = scheduler.schedule(due, () -> pool.submit(job));
    frame.execution.timers.add(timer);
    return timer;
  }

  private Transition enter(Frame frame, String name, JsonNode input) {
    JsonNode state = frame.states.get(name);
    if (state == null) {
      fail(frame, "States.Runtime", "The state '" + name + "' does not exist.");
      return null;
    }
    frame.stateName = name;
    frame.state = state;
    frame.stateInput(input);
    frame.enteredTime = now();
    frame.retryCounts = new int[state.path("Retry").size()];
    frame.retryTotal = 0;
    frame.assigned = null;
    String type = state.path("Type").asText();
    ObjectNode details = SfnJson.object();
    details.put("name", name);
    SfnJson.payload(details, "input", SfnJson.write(input));
    frame.enteredEventId = event(frame, type + "StateEntered", "stateEnteredEventDetails", details);
    return execute(frame);
  }

  /** Runs the current state of {@code frame} (again, on a retry). */
  Transition execute(Frame frame) {
    JsonNode state = frame.state;
    JsonNode raw = frame.stateInput();
    try {
      if (frame.jsonata()) {
        return jsonata.execute(frame);
      }
      switch (state.path("Type").asText()) {
        case "Pass": {
          ObjectNode context = frame.context(null);
          JsonNode effective = DataFlow.effectiveInput(state, raw, context);
          JsonNode result = state.has("Result") ? state.get("Result") : effective;
          JsonataFlow.assignJsonPath(frame, state, result);
          JsonNode resultPath = state.get("ResultPath");
          JsonNode output = DataFlow.path(state, "OutputPath",
              DataFlow.applyResultPath(resultPath, raw, result), context);
          return exit(frame, output);
        }
        case "Choice": {
          ObjectNode context = frame.context(null);
          JsonNode effective = DataFlow.path(state, "InputPath", raw, context);
          String next = ChoiceRules.select(state, effective, context);
          if (next == null) {
            throw new StatesError("States.NoChoiceMatched", "No Matches!");
          }
          JsonNode matched = ChoiceRules.matchedRule(state, effective, context);
          JsonataFlow.assignJsonPath(frame, matched == null ? state : matched, effective);
          JsonNode output = DataFlow.path(state, "OutputPath", effective, context);
          return exitTo(frame, output, next);
        }
        case "Wait":
          return waitState(frame);
        case "Succeed": {
          ObjectNode context = frame.context(null);
          JsonNode output = DataFlow.path(state, "OutputPath",
              DataFlow.path(state, "InputPath", raw, context), context);
          exited(frame, output);
          frame.finished = true;
          frame.listener.succeeded(frame, output);
          return null;
        }
        case "Fail":
          return failState(frame);
        default:
          return startWork(frame, state);
      }
    } catch (StatesError e) {
      return fail(frame, e);
    }
  }

  /** Fails the current state with an error thrown while processing it. */
  @Override
  public Transition fail(Frame frame, StatesError e) {
    String cause = e.cause();
    boolean evaluation = StatesError.QUERY_EVALUATION.equals(e.error());
    if (StatesError.RUNTIME.equals(e.error()) || evaluation) {
      cause = "An error occurred while executing the state '" + frame.stateName + "' (entered at the event id #"
          + frame.enteredEventId + "). " + cause;
    }
    if (evaluation || (StatesError.RUNTIME.equals(e.error()) && frame.jsonata())) {
      // AWS: a failed evaluation is recorded as EvaluationFailed and ends the execution
      ObjectNode details = SfnJson.object();
      details.put("error", e.error());
      details.put("cause", cause);
      if (e.location() != null) {
        details.put("location", e.location());
      }
      details.put("state", frame.stateName);
      event(frame, "EvaluationFailed", "evaluationFailedEventDetails", details);
      if (frame.state != null && "Map".equals(frame.state.path("Type").asText())) {
        event(frame, "MapStateFailed", null, null);
      }
      frame.stopWaiting();
      lifecycle.fail(frame.execution, frame.lastEventId, e.error(), cause);
      return null;
    }
    return fail(frame, e.error(), cause);
  }

  private Transition waitState(Frame frame) {
    JsonNode state = frame.state;
    ObjectNode context = frame.context(null);
    JsonNode effective = DataFlow.path(state, "InputPath", frame.stateInput(), context);
    Instant due = WaitTimes.due(state, effective, context, frame.enteredTime);
    JsonNode output = DataFlow.path(state, "OutputPath", effective, context);
    JsonataFlow.assignJsonPath(frame, state, effective);
    waitUntil(frame, due, output);
    return null;
  }

  /** A Wait state of either query language: leaves with {@code output} once the clock reaches {@code due}. */
  void waitUntil(Frame frame, Instant due, JsonNode output) {
    String parked = frame.execution.history.shared(SfnJson.write(output));
    frame.timer = at(frame, due, () -> {
      frame.timer = null;
      frame.generation++;
      Transition next;
      try {
        next = exit(frame, SfnJson.parseOrNull(parked));
      } catch (StatesError e) {
        next = fail(frame, e);
      }
      proceed(frame, next);
    });
  }

  private Transition failState(Frame frame) {
    JsonNode state = frame.state;
    ObjectNode context = frame.context(null);
    String error = FailFields.read(state, "Error", "ErrorPath", frame.stateInput(), context);
    String cause = FailFields.read(state, "Cause", "CausePath", frame.stateInput(), context);
    frame.finished = true;
    frame.listener.failed(frame, error, cause);
    return null;
  }

  /** Leaves the current state with {@code output}: to its Next, or ending the frame. */
  @Override
  public Transition exit(Frame frame, JsonNode output) {
    JsonNode state = frame.state;
    if (state.path("End").asBoolean(false)) {
      exited(frame, output);
      frame.finished = true;
      frame.listener.succeeded(frame, output);
      return null;
    }
    return exitTo(frame, output, state.path("Next").asText());
  }

  Transition exitTo(Frame frame, JsonNode output, String next) {
    exited(frame, output);
    return new Transition(next, output);
  }

  String exited(Frame frame, JsonNode output) {
    String json = SfnJson.write(output);
    DataFlow.checkSize(json, "state/task '" + frame.stateName + "' returned a result with a size exceeding the maximum number of bytes service limit. The result");
    ObjectNode details = SfnJson.object();
    if (frame.assigned != null) {
      // AWS: each assigned variable's value as JSON text
      ObjectNode assigned = details.putObject("assignedVariables");
      frame.assigned.fields().forEachRemaining(e -> assigned.put(e.getKey(), SfnJson.write(e.getValue())));
      details.putObject("assignedVariablesDetails").put("truncated", false);
      frame.assigned = null;
    }
    details.put("name", frame.stateName);
    SfnJson.payload(details, "output", json);
    event(frame, frame.state.path("Type").asText() + "StateExited", "stateExitedEventDetails", details);
    return json;
  }

  /**
   * A state failed with {@code error}: retries it, catches it, or fails the frame. Returns where
   * the frame goes next, if anywhere now.
   */
  @Override
  public Transition fail(Frame frame, String error, String cause) {
    return fail(frame, error, cause, null);
  }

  /**
   * As {@link #fail(Frame, String, String)}; {@code notRetried} (e.g. writing ParallelStateFailed)
   * runs first unless the state is retried. A States.Runtime error ends the whole execution at
   * once, from however deep a branch, as AWS does.
   */
  @Override
  public Transition fail(Frame frame, String error, String cause, Runnable notRetried) {
    JsonNode state = frame.state;
    frame.stopWaiting();
    if (StatesError.RUNTIME.equals(error)) {
      lifecycle.fail(frame.execution, frame.lastEventId, error, cause);
      return null;
    }
    String type = state == null ? "" : state.path("Type").asText();
    boolean handles = type.equals("Task") || type.equals("Parallel") || type.equals("Map");
    if (handles && state.has("Retry")) {
      JsonNode retriers = state.get("Retry");
      for (int i = 0; i < retriers.size(); i++) {
        JsonNode retrier = retriers.get(i);
        if (ErrorMatching.matches(retrier, error)) {
          if (frame.retryCounts[i] < ErrorMatching.maxAttempts(retrier)) {
            frame.retryCounts[i]++;
            Duration delay = ErrorMatching.retryDelay(retrier, frame.retryCounts[i], random);
            frame.retryTotal++;
            frame.timer = at(frame, now().plus(delay), () -> {
              frame.timer = null;
              frame.generation++;
              proceed(frame, execute(frame));
            });
            return null;
          }
          break;
        }
      }
    }
    if (notRetried != null) {
      notRetried.run();
    }
    if (handles && state.has("Catch")) {
      for (JsonNode catcher : state.get("Catch")) {
        if (ErrorMatching.matches(catcher, error)) {
          ObjectNode errorOutput = SfnJson.object();
          errorOutput.put("Error", error);
          if (cause != null) {
            errorOutput.put("Cause", cause);
          }
          try {
            JsonNode output;
            if (frame.jsonata()) {
              output = JsonataFlow.leave(frame, catcher, null, errorOutput);
            } else {
              JsonataFlow.assignJsonPath(frame, catcher, errorOutput);
              output = DataFlow.applyResultPath(
                  catcher.has("ResultPath") ? catcher.get("ResultPath") : null, frame.stateInput(), errorOutput);
            }
            return exitTo(frame, output, catcher.path("Next").asText());
          } catch (StatesError e) {
            error = e.error();
            cause = e.cause();
            break;
          }
        }
      }
    }
    if (type.equals("Task") && frame != frame.execution.root) {
      // AWS: a Task failure that ends a branch or iteration also aborts the Task state
      sideEvent(frame, frame.lastEventId, "TaskStateAborted", null, null);
    }
    frame.finished = true;
    frame.listener.failed(frame, error, cause);
    return null;
  }

  // ---------------------------------------------------------------------------------- events

  /** Appends an event after {@code previous}, outside {@code frame}'s line (e.g. MapIterationFailed). */
  @Override
  public long sideEvent(Frame frame, long previous, String type, String field, ObjectNode details) {
    return frame.history.add(now(), type, previous, field, details);
  }

  /** Appends an event in {@code frame}'s line of events. */
  @Override
  public long event(Frame frame, String type, String field, ObjectNode details) {
    frame.lastEventId = frame.history.add(now(), type, frame.lastEventId, field, details);
    return frame.lastEventId;
  }


  /** Task, Parallel and Map states in either query language: they start work that ends later. */
  Transition startWork(Frame frame, JsonNode state) {
    switch (state.path("Type").asText()) {
      case "Task" -> tasks.start(frame);
      case "Parallel" -> branches.startParallel(frame);
      case "Map" -> branches.startMap(frame);
      default -> throw new StatesError("States.Runtime", "Unsupported state type " + state.path("Type").asText());
    }
    return null;
  }
}
