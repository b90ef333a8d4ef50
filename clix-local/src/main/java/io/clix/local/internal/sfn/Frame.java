package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.internal.time.ClockScheduler;
import io.clix.local.internal.sfn.asl.ScopedContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread of control inside an execution: the top level, a Parallel branch or a Map
 * iteration. It knows the state it is in, the event its next event follows, and what waits on
 * its behalf (a timer, a task ticket, child frames), so stopping it stops all of that. Guarded by
 * the execution's monitor.
 */
final class Frame {

  /** Hears how a frame ends. */
  interface Listener {
    void succeeded(Frame frame, JsonNode output);

    void failed(Frame frame, String error, String cause);
  }

  final Execution execution;
  final JsonNode states;
  final Listener listener;
  /** {@code {"Index": i, "Value": v}} inside a Map iteration, else null. */
  final JsonNode mapItem;
  long lastEventId;
  boolean finished;
  /** The index of the Map iteration this frame runs, or -1. */
  int iterationIndex = -1;
  /** Where this frame's events go: the execution's history, or a distributed Map iteration's own. */
  ExecutionHistory history;
  /** The workflow variables in this frame's scope (a branch or iteration starts from a copy of its parent's). */
  ObjectNode variables = SfnJson.object();
  /** The variables the current state assigned, for its Exited event; null if none. */
  ObjectNode assigned;

  // The current state.
  String stateName;
  JsonNode state;
  /** The current state's input, or null while {@link #parkedInput} holds it. */
  private JsonNode stateInput;
  /** The current state's input as JSON text while the frame waits (see {@link #park}). */
  private String parkedInput;
  Instant enteredTime;
  long enteredEventId;
  int[] retryCounts;
  int retryTotal;
  /** Bumped whenever the frame stops waiting, so late callbacks of an old wait are ignored. */
  long generation;
  ClockScheduler.Timer timer;
  ClockScheduler.Timer heartbeatTimer;
  TaskTicket ticket;
  final List<Frame> children = new ArrayList<>();

  Frame(Execution execution, JsonNode states, Listener listener, JsonNode mapItem, long lastEventId) {
    this.execution = execution;
    this.states = states;
    this.listener = listener;
    this.mapItem = mapItem;
    this.lastEventId = lastEventId;
    this.history = execution.history;
  }

  /** The current state's input. */
  JsonNode stateInput() {
    if (stateInput == null && parkedInput != null) {
      stateInput = SfnJson.parseOrNull(parkedInput);
      parkedInput = null;
    }
    return stateInput;
  }

  void stateInput(JsonNode input) {
    this.stateInput = input;
    this.parkedInput = null;
  }

  /**
   * Keeps the current state's input as JSON text while the frame waits (a waiting execution then
   * holds a string, usually the one its history already holds, instead of a tree of nodes); {@link
   * #stateInput()} parses it again when the wait ends.
   */
  void park() {
    if (stateInput != null) {
      parkedInput = execution.history.shared(SfnJson.write(stateInput));
      stateInput = null;
    }
    execution.dropContext();
  }

  /** The context object for the current state ({@code $$}). */
  ObjectNode context(String taskToken) {
    ObjectNode context = new ScopedContext(execution.baseContext(), variables);
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", Execution.CONTEXT_TIME.format(enteredTime));
    state.put("Name", stateName);
    String type = this.state == null ? "" : this.state.path("Type").asText();
    if (type.equals("Task") || type.equals("Parallel") || type.equals("Map")) {
      state.put("RetryCount", retryTotal);
    }
    if (taskToken != null) {
      context.putObject("Task").put("Token", taskToken);
    }
    if (mapItem != null) {
      context.putObject("Map").set("Item", mapItem);
    }
    return context;
  }

  /** Whether the current state uses the JSONata query language (its own QueryLanguage, else the machine's). */
  boolean jsonata() {
    JsonNode language = state == null ? null : state.get("QueryLanguage");
    if (language == null) {
      language = execution.definition.get("QueryLanguage");
    }
    return language != null && "JSONata".equals(language.asText());
  }

  /** Starts a child frame's variables from a copy of this frame's. */
  Frame inheritVariables(Frame child) {
    child.variables = variables.deepCopy();
    return child;
  }

  /** Forgets the current wait: cancels its timers, closes its ticket, stops its children. */
  void stopWaiting() {
    generation++;
    if (timer != null) {
      timer.cancel();
      execution.timers.remove(timer);
      timer = null;
    }
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel();
      execution.timers.remove(heartbeatTimer);
      heartbeatTimer = null;
    }
    if (ticket != null) {
      ticket.close();
      execution.tickets.remove(ticket);
      ticket = null;
    }
    for (Frame child : children) {
      child.stop();
    }
    children.clear();
  }

  /** Ends this frame for good (its execution or parent ended). */
  void stop() {
    stopWaiting();
    finished = true;
  }
}
