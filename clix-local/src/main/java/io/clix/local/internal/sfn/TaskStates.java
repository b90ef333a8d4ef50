package io.clix.local.internal.sfn;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.JsonPaths;
import io.clix.local.internal.sfn.asl.StatesError;
import io.clix.local.internal.sfn.mock.MockAnswer;
import java.util.Map;
import java.util.function.Function;

/**
 * Task states: scheduling an activity task or calling a service integration or bound handler,
 * {@code .waitForTaskToken} callbacks, TimeoutSeconds(Path) and HeartbeatSeconds(Path), and the
 * Activity*, LambdaFunction* and Task* history events AWS writes for each kind of resource.
 *
 * <p>A state the execution's mock test case names ({@link TaskMocks}) is dispatched to its mocked
 * response instead of its resource: same input processing, events, timers, Retry and Catch, but
 * nothing is called, no worker or callback is awaited, and no handler or activity need exist.
 */
final class TaskStates {

  private final StateRuntime runtime;
  private final TaskTokens tokens;
  private final Function<String, Activity> activities;
  private final Map<String, ResourceHandler> handlers;
  private final DynamoDbTasks dynamoDb;
  private final StepFunctionsTasks stepFunctions;

  TaskStates(StateRuntime runtime, TaskTokens tokens, Function<String, Activity> activities,
      Map<String, ResourceHandler> handlers, DynamoDbTasks dynamoDb, StepFunctionsTasks stepFunctions) {
    this.runtime = runtime;
    this.tokens = tokens;
    this.activities = activities;
    this.handlers = handlers;
    this.dynamoDb = dynamoDb;
    this.stepFunctions = stepFunctions;
  }

  /** Starts the current Task state of {@code frame}; its end resumes the frame from a job. */
  void start(Frame frame) {
    JsonNode state = frame.state;
    TaskMocks mocks = frame.execution.mocks;
    boolean mocked = mocks != null && mocks.mocks(frame.stateName);
    TaskTarget target;
    try {
      String resource = state.path("Resource").asText();
      target = mocked ? mockedTarget(resource) : resolve(resource);
    } catch (StatesError unbound) {
      // the state's input is evaluated before the resource is called: its failures come first
      ObjectNode context = frame.context(null);
      if (frame.jsonata()) {
        JsonataFlow.arguments(frame, context);
      } else {
        DataFlow.effectiveInput(state, frame.stateInput(), context);
      }
      throw unbound;
    }
    boolean ticketed = target.waitForToken() || target.kind() == TaskTarget.Kind.ACTIVITY;
    String token = ticketed ? tokens.newToken() : null;
    ObjectNode context = frame.context(target.waitForToken() ? token : null);
    boolean jsonata = frame.jsonata();
    JsonNode input = jsonata ? JsonataFlow.arguments(frame, context)
        : DataFlow.effectiveInput(state, frame.stateInput(), context);
    String inputJson = SfnJson.write(input);
    DataFlow.checkSize(inputJson, "task input");
    Long timeout = jsonata ? JsonataFlow.positiveInteger(frame, context, "TimeoutSeconds")
        : seconds(state, "TimeoutSeconds", "TimeoutSecondsPath", frame.stateInput(), context);
    Long heartbeat = jsonata ? JsonataFlow.positiveInteger(frame, context, "HeartbeatSeconds")
        : seconds(state, "HeartbeatSeconds", "HeartbeatSecondsPath", frame.stateInput(), context);
    Ticket ticket = ticketed && !mocked ? new Ticket(token, frame, target, heartbeat) : null;

    boolean worked = target.kind() == TaskTarget.Kind.ACTIVITY && !mocked;
    Activity activity = worked ? activities.apply(target.arn()) : null;
    if (worked && activity == null) {
      failMissingActivity(frame, target);
      return;
    }
    ObjectNode details = SfnJson.object();
    switch (target.kind()) {
      case ACTIVITY -> {
        details.put("resource", target.arn());
        SfnJson.payload(details, "input", inputJson);
        putSeconds(details, timeout, heartbeat);
        runtime.event(frame, "ActivityScheduled", "activityScheduledEventDetails", details);
        if (mocked) {
          runtime.event(frame, "ActivityStarted", "activityStartedEventDetails", SfnJson.object());
        }
      }
      case LAMBDA -> {
        details.put("resource", target.arn());
        SfnJson.payload(details, "input", inputJson);
        if (timeout != null) {
          details.put("timeoutInSeconds", timeout);
        }
        runtime.event(frame, "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", details);
        runtime.event(frame, "LambdaFunctionStarted", null, null);
      }
      case SERVICE -> {
        serviceDetails(details, target);
        details.put("region", Arns.region(frame.execution.arn));
        details.put("parameters", inputJson);
        putSeconds(details, timeout, heartbeat);
        runtime.event(frame, "TaskScheduled", "taskScheduledEventDetails", details);
        runtime.event(frame, "TaskStarted", "taskStartedEventDetails", serviceDetails(SfnJson.object(), target));
      }
    }
    if (ticket != null) {
      tokens.register(ticket, frame.execution);
      frame.ticket = ticket;
      frame.execution.tickets.add(ticket);
    }
    if (timeout != null) {
      frame.timer = runtime.at(frame, runtime.now().plusSeconds(timeout),
          () -> timedOut(frame, target, "States.Timeout", null));
    }
    if (mocked) {
      MockAnswer answer = mocks.next(frame.stateName);
      long generation = frame.generation;
      runtime.submit(() -> runtime.resume(frame, generation, () -> mockAnswered(frame, target, answer)));
      return;
    }
    if (activity != null) {
      activity.offer(new Activity.Task(ticket, inputJson, runtime.hold()));
      return;
    }
    if (ticket != null && heartbeat != null) {
      ticket.armHeartbeat();
    }
    long generation = frame.generation;
    runtime.submit(() -> call(frame, generation, target, input));
  }

  private void call(Frame frame, long generation, TaskTarget target, JsonNode input) {
    JsonNode result = null;
    StatesError error = null;
    try {
      result = target.call().apply(input);
      if (result == null) {
        result = SfnJson.NODES.nullNode();
      }
    } catch (StatesError e) {
      error = e;
    } catch (RuntimeException e) {
      error = new StatesError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    }
    JsonNode answer = result;
    StatesError failure = error;
    runtime.resume(frame, generation, () -> {
      if (failure != null) {
        failed(frame, target, failure.error(), failure.cause());
      } else if (target.waitForToken() || target.job() != null) {
        if (target.job() == null || target.job().submits()) {
          ObjectNode details = serviceDetails(SfnJson.object(), target);
          SfnJson.payload(details, "output", SfnJson.write(answer));
          runtime.event(frame, "TaskSubmitted", "taskSubmittedEventDetails", details);
        }
        if (frame.ticket instanceof Ticket callback) {
          callback.submitted();
        }
        if (target.job() != null) {
          awaitJob(frame, target, answer);
        }
      } else {
        succeeded(frame, target, answer, false);
      }
    });
  }

  /**
   * A mocked state's answer, as its resource would have given it: Return succeeds, Throw fails (a
   * thrown States.Timeout or States.HeartbeatTimeout is recorded as the timeout it stands for), and
   * an invocation the mocked response does not cover fails the state with States.Runtime.
   */
  private void mockAnswered(Frame frame, TaskTarget target, MockAnswer answer) {
    if (answer instanceof MockAnswer.Returned returned) {
      succeeded(frame, target, returned.value().deepCopy(), false);
    } else if (answer instanceof MockAnswer.Thrown thrown) {
      if (thrown.error().equals("States.Timeout") || thrown.error().equals("States.HeartbeatTimeout")) {
        timedOut(frame, target, thrown.error(), thrown.cause());
      } else {
        failed(frame, target, thrown.error(), thrown.cause());
      }
    } else {
      frame.stopWaiting();
      runtime.proceed(frame, runtime.fail(frame, "States.Runtime", ((MockAnswer.Missing) answer).cause()));
    }
  }

  /** Waits for the job a {@code .sync} call started; abandoning the task stops the job. */
  private void awaitJob(Frame frame, TaskTarget target, JsonNode submitted) {
    JobWait wait = new JobWait(frame, target);
    frame.ticket = wait;
    frame.execution.tickets.add(wait);
    wait.stop = target.job().await(submitted, wait);
  }

  /** The task's activity was deleted: ActivityScheduleFailed, then the state fails with States.Runtime. */
  private void failMissingActivity(Frame frame, TaskTarget target) {
    ObjectNode failed = SfnJson.object();
    failed.put("error", "States.Runtime");
    failed.put("cause", "The activity '" + target.arn() + "' does not exist.");
    runtime.event(frame, "ActivityScheduleFailed", "activityScheduleFailedEventDetails", failed);
    runtime.proceed(frame, runtime.fail(frame, "States.Runtime", failed.get("cause").asText()));
  }

  /** The task's result arrived; {@code worked} for an activity worker's answer (its activity must still exist). */
  private void succeeded(Frame frame, TaskTarget target, JsonNode result, boolean worked) {
    frame.stopWaiting();
    String json = SfnJson.write(result);
    if (worked && activities.apply(target.arn()) == null) {
      failMissingActivity(frame, target);
      return;
    }
    ObjectNode details = SfnJson.object();
    switch (target.kind()) {
      case ACTIVITY -> {
        SfnJson.payload(details, "output", json);
        runtime.event(frame, "ActivitySucceeded", "activitySucceededEventDetails", details);
      }
      case LAMBDA -> {
        SfnJson.payload(details, "output", json);
        runtime.event(frame, "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", details);
      }
      case SERVICE -> {
        serviceDetails(details, target);
        SfnJson.payload(details, "output", json);
        runtime.event(frame, "TaskSucceeded", "taskSucceededEventDetails", details);
      }
    }
    StateRuntime.Transition next;
    try {
      DataFlow.checkSize(json, "state/task '" + frame.stateName + "' returned a result with a size exceeding "
          + "the maximum number of bytes service limit. The result");
      JsonNode output = JsonataFlow.resultOutput(frame, result);
      next = runtime.exit(frame, output);
    } catch (StatesError e) {
      next = runtime.fail(frame, e);
    }
    runtime.proceed(frame, next);
  }

  private void failed(Frame frame, TaskTarget target, String error, String cause) {
    frame.stopWaiting();
    ObjectNode details = targetDetails(target);
    if (error != null) {
      details.put("error", error);
    }
    if (cause != null) {
      details.put("cause", cause);
    }
    targetEvent(frame, target, "Failed", details);
    runtime.proceed(frame, runtime.fail(frame, error, cause));
  }

  /** The details every end event of a task target starts with (the service's names for a service task). */
  private ObjectNode targetDetails(TaskTarget target) {
    ObjectNode details = SfnJson.object();
    if (target.kind() == TaskTarget.Kind.SERVICE) {
      serviceDetails(details, target);
    }
    return details;
  }

  /** Records {@code Activity<what>}, {@code LambdaFunction<what>} or {@code Task<what>} with its details field. */
  private void targetEvent(Frame frame, TaskTarget target, String what, ObjectNode details) {
    String type = switch (target.kind()) {
      case ACTIVITY -> "Activity";
      case LAMBDA -> "LambdaFunction";
      case SERVICE -> "Task";
    };
    String field = Character.toLowerCase(type.charAt(0)) + type.substring(1) + what + "EventDetails";
    runtime.event(frame, type + what, field, details);
  }

  private void timedOut(Frame frame, TaskTarget target, String error, String cause) {
    if (frame.ticket != null && !frame.ticket.isOpen()) {
      return; // an answer is on its way
    }
    frame.stopWaiting();
    ObjectNode details = targetDetails(target);
    details.put("error", error);
    if (cause != null) {
      details.put("cause", cause);
    }
    targetEvent(frame, target, "TimedOut", details);
    runtime.proceed(frame, runtime.fail(frame, error, cause));
  }

  private static ObjectNode serviceDetails(ObjectNode details, TaskTarget target) {
    details.put("resourceType", target.resourceType());
    details.put("resource", target.resource());
    return details;
  }

  private static void putSeconds(ObjectNode details, Long timeout, Long heartbeat) {
    if (timeout != null) {
      details.put("timeoutInSeconds", timeout);
    }
    if (heartbeat != null) {
      details.put("heartbeatInSeconds", heartbeat);
    }
  }

  private static Long seconds(JsonNode state, String field, String pathField, JsonNode input, JsonNode context) {
    if (state.has(field)) {
      return state.get(field).asLong();
    }
    if (state.has(pathField)) {
      long value = DataFlow.integerAt(state, pathField, input, context);
      if (value <= 0) {
        throw new StatesError("States.Runtime", "The value of the field '" + pathField
            + "' must be a positive integer: " + value);
      }
      return value;
    }
    return null;
  }

  /**
   * What a mocked state's {@code resource} names, by its shape alone (nothing is called, so nothing
   * need be bound): an activity, a Lambda function ARN, a service integration, or another ARN.
   */
  static TaskTarget mockedTarget(String resource) {
    if (resource.matches("arn:aws[a-z-]*:states:[^:]*:[0-9]*:activity:[^:]+")) {
      return new TaskTarget(TaskTarget.Kind.ACTIVITY, resource, null, null, false, null);
    }
    boolean wait = resource.endsWith(TaskTarget.SUFFIX);
    String base = wait ? resource.substring(0, resource.length() - TaskTarget.SUFFIX.length()) : resource;
    if (base.startsWith("arn:aws:lambda:") && !wait) {
      return new TaskTarget(TaskTarget.Kind.LAMBDA, resource, null, null, false, null);
    }
    if (base.startsWith("arn:aws:states:::")) {
      String[] parts = TaskTarget.serviceParts(resource);
      return new TaskTarget(TaskTarget.Kind.SERVICE, resource, parts[0], parts[1], wait, null);
    }
    String[] arn = base.split(":");
    return new TaskTarget(TaskTarget.Kind.SERVICE, resource, arn.length > 2 ? arn[2] : base, base, wait, null);
  }

  /** What {@code resource} names, and how to call it. */
  TaskTarget resolve(String resource) {
    if (resource.matches("arn:aws[a-z-]*:states:[^:]*:[0-9]*:activity:[^:]+")) {
      return new TaskTarget(TaskTarget.Kind.ACTIVITY, resource, null, null, false, null);
    }
    boolean wait = resource.endsWith(TaskTarget.SUFFIX);
    String base = wait ? resource.substring(0, resource.length() - TaskTarget.SUFFIX.length()) : resource;
    ResourceHandler handler = handlers.containsKey(resource) ? handlers.get(resource) : handlers.get(base);
    if (base.startsWith("arn:aws:lambda:") && handler != null && !wait) {
      return new TaskTarget(TaskTarget.Kind.LAMBDA, resource, null, null, false, handler::handle);
    }
    if (base.startsWith("arn:aws:states:::")) {
      String[] parts = TaskTarget.serviceParts(resource);
      String[] baseParts = TaskTarget.serviceParts(base);
      if (handler != null) {
        return new TaskTarget(TaskTarget.Kind.SERVICE, resource, parts[0], parts[1], wait, handler::handle);
      }
      TaskTarget own = stepFunctions.target(resource);
      if (own != null) {
        return own;
      }
      if (baseParts[0].equals("dynamodb") || baseParts[0].equals("aws-sdk:dynamodb")) {
        boolean sdk = baseParts[0].startsWith("aws-sdk");
        String action = baseParts[1];
        return new TaskTarget(TaskTarget.Kind.SERVICE, resource, parts[0], parts[1], wait,
            input -> dynamoDb.call(action, sdk, input));
      }
    } else if (handler != null) {
      String[] arn = base.split(":");
      String service = arn.length > 2 ? arn[2] : base;
      return new TaskTarget(TaskTarget.Kind.SERVICE, resource, service, base, wait, handler::handle);
    }
    throw new StatesError("States.Runtime", "The local stack has no handler bound to the resource '"
        + resource + "'; bind one with LocalStack.builder().resource(arn, handler).");
  }

  /** The ticket of an activity task or a callback: SendTask* calls land here. */
  private final class Ticket extends TaskTicket {
    private final Frame frame;
    private final TaskTarget target;
    private final Long heartbeat;
    private final long generation;
    /** Whether the call's answer is recorded; a callback's answer waits for it (TaskSubmitted first, as AWS shows). */
    private boolean submitted;
    private Runnable early;

    Ticket(String token, Frame frame, TaskTarget target, Long heartbeat) {
      super(token);
      this.frame = frame;
      this.target = target;
      this.heartbeat = heartbeat;
      this.generation = frame.generation;
    }

    /** Runs an answer (holding the monitor), or keeps it until the call's own answer is recorded. */
    private void answer(Runnable body) {
      if (submitted || target.kind() == TaskTarget.Kind.ACTIVITY) {
        body.run();
      } else {
        early = body;
      }
    }

    /** The call's answer is recorded: an answer that came first is processed now. */
    void submitted() {
      submitted = true;
      if (early != null) {
        Runnable body = early;
        early = null;
        body.run();
      }
    }

    private boolean current() {
      return isOpen() && !frame.finished && frame.generation == generation && frame.execution.running();
    }

    void armHeartbeat() {
      if (heartbeat == null) {
        return;
      }
      if (frame.heartbeatTimer != null) {
        frame.heartbeatTimer.cancel();
        frame.execution.timers.remove(frame.heartbeatTimer);
      }
      frame.heartbeatTimer = runtime.at(frame, runtime.now().plusSeconds(heartbeat),
          () -> timedOut(frame, target, "States.HeartbeatTimeout", null));
    }

    @Override
    void started(String workerName) {
      synchronized (frame.execution) {
        if (!current()) {
          return;
        }
        ObjectNode details = SfnJson.object();
        if (workerName != null) {
          details.put("workerName", workerName);
        }
        runtime.guarded(frame.execution, () -> {
          runtime.event(frame, "ActivityStarted", "activityStartedEventDetails", details);
          armHeartbeat();
        });
      }
    }

    @Override
    void succeeded(JsonNode output) {
      if (!close()) {
        throw SfnErrors.taskTimedOut();
      }
      runtime.submit(() -> runtime.resume(frame, generation,
          () -> answer(() -> TaskStates.this.succeeded(frame, target, output,
              target.kind() == TaskTarget.Kind.ACTIVITY))));
    }

    @Override
    void failed(String error, String cause) {
      if (!close()) {
        throw SfnErrors.taskTimedOut();
      }
      runtime.submit(() -> runtime.resume(frame, generation,
          () -> answer(() -> TaskStates.this.failed(frame, target, error, cause))));
    }

    @Override
    void heartbeat() {
      synchronized (frame.execution) {
        if (!current()) {
          throw SfnErrors.taskTimedOut();
        }
        armHeartbeat();
      }
    }
  }

  /**
   * The wait of a {@code .sync} task: its job's outcome resumes the frame; closed by anything else
   * (the execution stopped, the state timed out), it stops the job. It has no token.
   */
  private final class JobWait extends TaskTicket implements TaskTarget.Outcome {
    private final Frame frame;
    private final TaskTarget target;
    private final long generation;
    private boolean ending;
    Runnable stop;

    JobWait(Frame frame, TaskTarget target) {
      super(null);
      this.frame = frame;
      this.target = target;
      this.generation = frame.generation;
    }

    @Override
    synchronized boolean close() {
      if (!super.close()) {
        return false;
      }
      if (!ending && stop != null) {
        stop.run();
      }
      return true;
    }

    private synchronized boolean end() {
      ending = true;
      return close();
    }

    @Override
    public void succeeded(JsonNode output) {
      if (end()) {
        runtime.submit(() -> runtime.resume(frame, generation,
            () -> TaskStates.this.succeeded(frame, target, output, false)));
      }
    }

    @Override
    public void failed(String error, String cause) {
      if (end()) {
        runtime.submit(() -> runtime.resume(frame, generation,
            () -> TaskStates.this.failed(frame, target, error, cause)));
      }
    }

    @Override
    void started(String workerName) {}

    @Override
    void heartbeat() {}
  }
}
