package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.internal.time.ClockScheduler;
import java.time.Duration;

/**
 * How an execution begins and ends: ExecutionStarted and the root frame, the execution-level
 * TimeoutSeconds, and the closing ExecutionSucceeded/Failed/TimedOut/Aborted event that stops
 * every timer and closes every task token the execution still holds.
 */
final class ExecutionLifecycle {

  private final StateRuntime runtime;
  private volatile java.util.function.Consumer<Execution> whenEnded = e -> { };

  ExecutionLifecycle(StateRuntime runtime) {
    this.runtime = runtime;
  }

  /** Hears every execution that ends, holding its monitor. */
  void whenEnded(java.util.function.Consumer<Execution> listener) {
    this.whenEnded = listener;
  }

  /** Starts {@code execution} on the pool. */
  void start(Execution execution, Duration timeout) {
    runtime.submit(() -> {
      synchronized (execution) {
        runtime.guarded(execution, () -> begin(execution, timeout));
      }
    });
  }

  private void begin(Execution execution, Duration timeout) {
    ObjectNode details = SfnJson.object();
    SfnJson.payload(details, "input", execution.input);
    details.put("roleArn", execution.roleArn);
    execution.history.add(runtime.now(), "ExecutionStarted", 0, "executionStartedEventDetails", details);
    Frame root = new Frame(execution, execution.definition.get("States"), new Frame.Listener() {
      @Override
      public void succeeded(Frame frame, JsonNode output) {
        String json = SfnJson.write(output);
        ObjectNode d = SfnJson.object();
        SfnJson.payload(d, "output", json);
        finish(execution, frame, "SUCCEEDED", "ExecutionSucceeded", "executionSucceededEventDetails", d);
        execution.output = json;
      }

      @Override
      public void failed(Frame frame, String error, String cause) {
        fail(execution, frame.lastEventId, error, cause);
      }
    }, null, 0); // AWS: the first state's events do not point back at ExecutionStarted
    execution.root = root;
    if (timeout != null) {
      ClockScheduler.Timer timer = runtime.schedule(execution.startDate.plus(timeout),
          () -> runtime.submit(() -> {
        synchronized (execution) {
          if (execution.running()) {
            // AWS: the event carries States.Timeout and points back at no event (the clock ended
            // the execution, not a state); DescribeExecution shows TIMED_OUT without error or cause
            ObjectNode d = SfnJson.object();
            d.put("error", "States.Timeout");
            execution.root.lastEventId = 0;
            finish(execution, execution.root, "TIMED_OUT", "ExecutionTimedOut", "executionTimedOutEventDetails", d);
          }
        }
      }));
      execution.timers.add(timer);
    }
    runtime.proceed(root, new StateRuntime.Transition(execution.definition.get("StartAt").asText(), execution.inputNode()));
  }

  void fail(Execution execution, long previous, String error, String cause) {
    ObjectNode d = SfnJson.object();
    if (error != null) {
      d.put("error", error);
    }
    if (cause != null) {
      d.put("cause", cause);
    }
    Frame root = execution.root;
    if (root != null) {
      root.lastEventId = previous;
    }
    finish(execution, root, "FAILED", "ExecutionFailed", "executionFailedEventDetails", d);
    execution.error = error;
    execution.cause = cause;
  }

  /** Stops an execution on StopExecution. */
  void abort(Execution execution, String error, String cause) {
    if (execution.root != null) {
      execution.root.lastEventId = 0; // AWS: ExecutionAborted points back at no event
    }
    ObjectNode d = SfnJson.object();
    if (error != null) {
      d.put("error", error);
    }
    if (cause != null) {
      d.put("cause", cause);
    }
    finish(execution, execution.root, "ABORTED", "ExecutionAborted", "executionAbortedEventDetails", d);
    execution.error = error;
    execution.cause = cause;
  }

  private void finish(Execution execution, Frame root, String status, String type, String field, ObjectNode details) {
    if (!execution.running()) {
      return;
    }
    long previous = root == null ? execution.history.size() : root.lastEventId;
    if (root != null) {
      root.stop();
    }
    for (ClockScheduler.Timer timer : execution.timers) {
      timer.cancel();
    }
    execution.timers.clear();
    for (TaskTicket ticket : execution.tickets) {
      ticket.close();
    }
    execution.tickets.clear();
    execution.history.addFinal(runtime.now(), type, previous, field, details);
    execution.status = status;
    execution.stopDate = runtime.now();
    for (Runnable listener : execution.whenEnded) {
      listener.run();
    }
    execution.whenEnded.clear();
    execution.ended();
    whenEnded.accept(execution);
    synchronized (execution) {
      execution.notifyAll(); // StartSyncExecution waits on the execution's monitor
    }
  }
}
