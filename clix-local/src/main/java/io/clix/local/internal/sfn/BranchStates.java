package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.JsonPaths;
import io.clix.local.internal.sfn.asl.PayloadTemplate;
import io.clix.local.internal.sfn.asl.StatesError;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel and (inline) Map states: child frames for the branches or iterations, MaxConcurrency,
 * the ordered result array, and the Parallel and Map events. The first child to fail stops the others
 * and fails the state (which its Retry and Catch then handle).
 */
final class BranchStates {

  private final StateRuntime runtime;

  BranchStates(StateRuntime runtime) {
    this.runtime = runtime;
  }

  void startParallel(Frame frame) {
    JsonNode state = frame.state;
    ObjectNode context = frame.context(null);
    JsonNode input = frame.jsonata() ? JsonataFlow.arguments(frame, context)
        : DataFlow.effectiveInput(state, frame.stateInput(), context);
    runtime.event(frame, "ParallelStateStarted", null, null);
    JsonNode branches = state.path("Branches");
    int n = branches.size();
    JsonNode[] results = new JsonNode[n];
    int[] remaining = {n};
    long generation = frame.generation;
    if (n == 0) {
      succeedParallel(frame, results);
      return;
    }
    List<Frame> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      Frame child = new Frame(frame.execution, branches.get(i).get("States"), new Frame.Listener() {
        @Override
        public void succeeded(Frame done, JsonNode output) {
          if (frame.generation != generation || frame.finished) {
            return;
          }
          frame.lastEventId = done.lastEventId;
          results[index] = output;
          if (--remaining[0] == 0) {
            succeedParallel(frame, results);
          }
        }

        @Override
        public void failed(Frame done, String error, String cause) {
          if (frame.generation != generation || frame.finished) {
            return;
          }
          frame.lastEventId = done.lastEventId;
          for (Frame sibling : frame.children) {
            abortedState(sibling, done);
          }
          frame.stopWaiting();
          runtime.proceed(frame, runtime.fail(frame, error, cause,
              () -> runtime.event(frame, "ParallelStateFailed", null, null)));
        }
      }, null, frame.lastEventId);
      frame.inheritVariables(child);
      children.add(child);
    }
    frame.children.addAll(children);
    for (int i = 0; i < n; i++) {
      runtime.proceed(children.get(i),
          new StateRuntime.Transition(branches.get(i).path("StartAt").asText(), input));
    }
  }

  /**
   * Records that a sibling cut short by {@code failed} was in the middle of a state: AWS writes a
   * {@code <Type>StateAborted} event, chained to the failing frame's last event.
   */
  private void abortedState(Frame sibling, Frame failed) {
    if (sibling == failed || sibling.finished || sibling.state == null) {
      return;
    }
    runtime.sideEvent(failed, failed.lastEventId, sibling.state.path("Type").asText() + "StateAborted",
        null, null);
  }

  private void succeedParallel(Frame frame, JsonNode[] results) {
    frame.stopWaiting();
    ArrayNode array = SfnJson.NODES.arrayNode();
    for (JsonNode result : results) {
      array.add(result);
    }
    finish(frame, array, "ParallelStateSucceeded");
  }

  /**
   * Records {@code succeededType} beside the frame's line (AWS chains the Exited event to the last
   * branch or iteration event, not to it), then processes the result array and leaves the state.
   */
  private void finish(Frame frame, ArrayNode array, String succeededType) {
    long succeeded = runtime.sideEvent(frame, frame.lastEventId, succeededType, null, null);
    StateRuntime.Transition next;
    try {
      JsonNode output = JsonataFlow.resultOutput(frame, array);
      next = runtime.exit(frame, output);
    } catch (StatesError e) {
      frame.lastEventId = succeeded;
      next = runtime.fail(frame, e);
    }
    runtime.proceed(frame, next);
  }

  void startMap(Frame frame) {
    JsonNode state = frame.state;
    ObjectNode context = frame.context(null);
    JsonNode input;
    JsonNode items;
    int max;
    JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
    boolean distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
    if (frame.jsonata()) {
      input = frame.stateInput();
      items = JsonataMap.items(frame, context);
      max = JsonataMap.maxConcurrency(frame, context);
    } else {
      input = DataFlow.path(state, "InputPath", frame.stateInput(), context);
      String itemsPath = state.has("ItemsPath") ? state.get("ItemsPath").asText() : "$";
      items = JsonPaths.read(input, itemsPath, context, "ItemsPath");
      if (!items.isArray()) {
        throw new StatesError("States.Runtime", "Map state input must be an array. Invalid value for "
            + "ItemsPath '" + itemsPath + "': " + SfnJson.write(items));
      }
      max = maxConcurrency(state, input, context);
    }
    // AWS: a distributed Map reads its failure thresholds in its map run, after MapStateStarted
    Tolerance tolerance = distributed ? null : tolerance(frame, input, context);
    JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
    int n = items.size();
    ObjectNode started = SfnJson.object();
    started.put("length", n);
    long startedId = runtime.event(frame, "MapStateStarted", "mapStateStartedEventDetails", started);
    if (distributed) {
      tolerance = tolerance(frame, input, context);
      ObjectNode runStarted = SfnJson.object();
      runStarted.put("mapRunArn", mapRunArn(frame));
      startedId = runtime.event(frame, "MapRunStarted", "mapRunStartedEventDetails", runStarted);
    }
    MapRun run = new MapRun(frame, processor, selector, items, input, max == 0 ? n : max, startedId);
    run.distributed = distributed;
    run.tolerance = tolerance;
    if (n == 0) {
      run.succeed();
      return;
    }
    run.launchMore();
  }

  private static int maxConcurrency(JsonNode state, JsonNode input, JsonNode context) {
    if (state.has("MaxConcurrencyPath")) {
      long value = DataFlow.integerAt(state, "MaxConcurrencyPath", input, context);
      if (value < 0) {
        throw new StatesError("States.Runtime", "MaxConcurrency must be a non-negative integer.");
      }
      return (int) Math.min(value, Integer.MAX_VALUE);
    }
    return state.path("MaxConcurrency").asInt(0);
  }

  /**
   * How many failed iterations a (distributed) Map state tolerates: at most {@code count}, and at
   * most {@code percentage} percent of its items; without either field, none.
   */
  record Tolerance(long count, double percentage) {
    boolean exceeded(int failures, int items) {
      return failures > count || (items > 0 && failures * 100.0 / items > percentage);
    }
  }

  /** ToleratedFailureCount(Path) and ToleratedFailurePercentage(Path), failing the state on bad values. */
  private static Tolerance tolerance(Frame frame, JsonNode input, JsonNode context) {
    JsonNode state = frame.state;
    long count;
    double percentage;
    if (frame.jsonata()) {
      JsonNode[] values = JsonataMap.tolerance(frame, (ObjectNode) context);
      count = values[0] == null ? -1 : values[0].asLong();
      percentage = values[1] == null ? -1 : values[1].asDouble();
    } else {
      count = state.has("ToleratedFailureCountPath")
          ? DataFlow.integerAt(state, "ToleratedFailureCountPath", input, context)
          : state.has("ToleratedFailureCount") ? state.get("ToleratedFailureCount").asLong() : -1;
      percentage = state.has("ToleratedFailurePercentagePath")
          ? DataFlow.numberAt(state, "ToleratedFailurePercentagePath", input, context)
          : state.has("ToleratedFailurePercentage") ? state.get("ToleratedFailurePercentage").asDouble() : -1;
      if (state.has("ToleratedFailureCountPath") && count < 0) {
        throw new StatesError("States.Runtime", "ToleratedFailureCount cannot be negative.");
      }
      if (state.has("ToleratedFailurePercentagePath") && (percentage < 0 || percentage > 100)) {
        throw new StatesError("States.Runtime", "ToleratedFailurePercentage must be between 0 and 100.");
      }
    }
    boolean anyCount = count >= 0;
    boolean anyPercentage = percentage >= 0;
    if (!anyCount && !anyPercentage) {
      return new Tolerance(0, 100);
    }
    return new Tolerance(anyCount ? count : Long.MAX_VALUE, anyPercentage ? percentage : 100);
  }

  /** A map run's ARN: the state machine's name, the run's label (else the state's name), an id. */
  private static String mapRunArn(Frame frame) {
    String executionArn = frame.execution.arn;
    String[] parts = executionArn.split(":");
    String prefix = String.join(":", java.util.Arrays.copyOfRange(parts, 0, 5));
    String machine = parts.length > 6 ? parts[6] : "";
    String label = frame.state.path("Label").asText(frame.stateName);
    return prefix + ":mapRun:" + machine + "/" + label + ":" + java.util.UUID.randomUUID();
  }

  /** The iterations of one Map state. */
  private final class MapRun {
    final Frame frame;
    final JsonNode processor;
    final JsonNode selector;
    final JsonNode items;
    final JsonNode input;
    final int concurrency;
    final long startedId;
    final long generation;
    final JsonNode[] results;
    int launched;
    int running;
    int done;
    /** A distributed Map's iterations run as child executions: their events stay out of this history. */
    boolean distributed;
    Tolerance tolerance;
    int failures;

    MapRun(Frame frame, JsonNode processor, JsonNode selector, JsonNode items, JsonNode input, int concurrency,
        long startedId) {
      this.startedId = startedId;
      this.frame = frame;
      this.processor = processor;
      this.selector = selector;
      this.items = items;
      this.input = input;
      this.concurrency = Math.max(1, concurrency);
      this.generation = frame.generation;
      this.results = new JsonNode[items.size()];
    }

    boolean current() {
      return frame.generation == generation && !frame.finished && frame.execution.running();
    }

    void launchMore() {
      while (current() && running < concurrency && launched < items.size()) {
        launch(launched++);
      }
    }

    private void launch(int index) {
      running++;
      ObjectNode item = SfnJson.object();
      item.put("Index", index);
      item.set("Value", items.get(index));
      JsonNode iterationInput;
      try {
        if (selector != null) {
          ObjectNode context = frame.context(null);
          context.putObject("Map").set("Item", item);
          iterationInput = frame.jsonata() ? JsonataMap.itemSelector(frame, context, selector)
              : PayloadTemplate.resolve(selector, input, context, "ItemSelector");
        } else {
          iterationInput = items.get(index);
        }
      } catch (StatesError e) {
        frame.stopWaiting();
        runtime.proceed(frame, runtime.fail(frame, e));
        return;
      }
      long iterationStarted = distributed ? 0 : runtime.sideEvent(frame, startedId, "MapIterationStarted",
          "mapIterationStartedEventDetails", iteration(index));
      Frame child = new Frame(frame.execution, processor.get("States"), new Frame.Listener() {
        @Override
        public void succeeded(Frame child, JsonNode output) {
          if (!current()) {
            return;
          }
          if (!distributed) {
            frame.lastEventId = runtime.sideEvent(frame, child.lastEventId, "MapIterationSucceeded",
                "mapIterationSucceededEventDetails", iteration(index));
          }
          results[index] = output;
          running--;
          done++;
          frame.children.remove(child);
          if (done == items.size()) {
            succeed();
          } else {
            launchMore();
          }
        }

        @Override
        public void failed(Frame child, String error, String cause) {
          if (!current()) {
            return;
          }
          if (distributed) {
            iterationFailed(child, index, error, cause);
            return;
          }
          for (Frame sibling : frame.children) {
            if (sibling != child && !sibling.finished) {
              runtime.sideEvent(frame, child.lastEventId, "MapIterationAborted",
                  "mapIterationAbortedEventDetails", iteration(sibling.iterationIndex));
              abortedState(sibling, child);
            }
          }
          runtime.sideEvent(frame, child.lastEventId, "MapIterationFailed", "mapIterationFailedEventDetails",
              iteration(index));
          fail(child.lastEventId, error, cause);
        }
      }, null, iterationStarted);
      if (distributed) {
        child.history = new ExecutionHistory(); // a child execution's own history
      } else {
        frame.inheritVariables(child);
      }
      child.iterationIndex = index;
      frame.children.add(child);
      runtime.proceed(child, new StateRuntime.Transition(processor.path("StartAt").asText(), iterationInput));
    }

    private ObjectNode iteration(int index) {
      ObjectNode details = SfnJson.object();
      details.put("name", frame.stateName);
      details.put("index", index);
      return details;
    }

    /** A distributed Map's iteration failed: tolerated (its result is the error), or the map run fails. */
    private void iterationFailed(Frame child, int index, String error, String cause) {
      failures++;
      running--;
      done++;
      frame.children.remove(child);
      if (tolerance.exceeded(failures, items.size())) {
        frame.stopWaiting();
        String thresholdCause = "The specified tolerated failure threshold was exceeded";
        ObjectNode details = SfnJson.object();
        details.put("error", "States.ExceedToleratedFailureThreshold");
        details.put("cause", thresholdCause);
        runtime.event(frame, "MapRunFailed", "mapRunFailedEventDetails", details);
        fail(frame.lastEventId, "States.ExceedToleratedFailureThreshold", thresholdCause);
        return;
      }
      ObjectNode errorOutput = SfnJson.object();
      errorOutput.put("Error", error);
      if (cause != null) {
        errorOutput.put("Cause", cause);
      }
      results[index] = errorOutput;
      if (done == items.size()) {
        succeed();
      } else {
        launchMore();
      }
    }

    void succeed() {
      frame.stopWaiting();
      if (distributed) {
        runtime.event(frame, "MapRunSucceeded", null, null);
      }
      ArrayNode array = SfnJson.NODES.arrayNode();
      for (JsonNode result : results) {
        array.add(result);
      }
      finish(frame, array, "MapStateSucceeded");
    }

    void fail(long previous, String error, String cause) {
      frame.lastEventId = previous;
      frame.stopWaiting();
      runtime.proceed(frame, runtime.fail(frame, error, cause,
          () -> runtime.event(frame, "MapStateFailed", null, null)));
    }
  }
}
