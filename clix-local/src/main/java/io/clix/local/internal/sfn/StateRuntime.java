package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.internal.time.ClockScheduler;
import io.clix.local.internal.sfn.asl.StatesError;
import java.time.Instant;

/**
 * What a state handler ({@link TaskStates}, {@link BranchStates}, {@link ExecutionLifecycle}) may
 * ask of the interpreter that runs it: the clock and the pool, moving a frame on, failing a state
 * (Retry and Catch included), and writing history events. The {@link Interpreter} implements it;
 * handlers see only this, so the interpreter depends on its handlers and never the other way.
 * Every method runs holding the execution's monitor unless it says otherwise.
 */
interface StateRuntime {

  /** Where a frame goes next. */
  record Transition(String state, JsonNode input) {}

  Instant now();

  /** Submits a job to the pool (from any thread, no lock needed). */
  void submit(Runnable job);

  /** Holds the pool busy until the returned runnable is run (a task handed out, not yet answered). */
  Runnable hold();

  /** Schedules {@code job} on the stack's clock (no frame involved; from any thread). */
  ClockScheduler.Timer schedule(Instant due, Runnable job);

  /** Runs {@code body}; a failure fails the execution as AWS does. */
  void guarded(Execution execution, Runnable body);

  /** Runs {@code frame} from {@code next} until it waits or ends. */
  void proceed(Frame frame, Transition next);

  /** Re-enters a frame from a job (takes the lock), unless it moved on or ended meanwhile. */
  void resume(Frame frame, long generation, Runnable body);

  /** Runs {@code body} at {@code due}, unless the frame stopped waiting. */
  ClockScheduler.Timer at(Frame frame, Instant due, Runnable body);

  /** Leaves the current state with {@code output}: to its Next, or ending the frame. */
  Transition exit(Frame frame, JsonNode output);

  /** Fails the current state with an error thrown while processing it. */
  Transition fail(Frame frame, StatesError error);

  /** Fails the current state: retries it, catches the error, or fails the frame. */
  Transition fail(Frame frame, String error, String cause);

  /** As {@link #fail(Frame, String, String)}; {@code notRetried} runs first unless the state is retried. */
  Transition fail(Frame frame, String error, String cause, Runnable notRetried);

  /** Appends an event in {@code frame}'s line of events. */
  long event(Frame frame, String type, String field, ObjectNode details);

  /** Appends an event after {@code previous}, outside {@code frame}'s line. */
  long sideEvent(Frame frame, long previous, String type, String field, ObjectNode details);
}
