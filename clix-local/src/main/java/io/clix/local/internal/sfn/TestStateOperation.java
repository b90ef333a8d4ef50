package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import io.clix.local.internal.sfn.asl.ChoiceRules;
import io.clix.local.internal.sfn.asl.DefinitionValidator;
import io.clix.local.internal.sfn.asl.ErrorMatching;
import io.clix.local.internal.sfn.asl.InvalidDefinitionException;
import io.clix.local.internal.sfn.asl.ScopedContext;
import io.clix.local.internal.sfn.asl.StatesError;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The TestState API for one JSONPath state: the state given alone, or {@code stateName} of a whole
 * definition, run once on the given input (and context object) with the data-flow steps reported
 * at the DEBUG and TRACE inspection levels. A Task state runs against its {@code mock} (a result,
 * or an error and cause that Retry and Catch then handle); the local stack calls no real service, so
 * a Task, Map or Parallel state needs a mock. A Task state's mocked result is checked against the
 * output of the API its integration calls, as the mock's {@code fieldValidationMode} asks
 * ({@link MockResultValidation}). Wait states do not wait.
 */
final class TestStateOperation {

  private static final Set<String> UNMOCKABLE = Set.of("Pass", "Wait", "Choice", "Succeed", "Fail");

  private final Clock clock;
  private final Arns arns;

  TestStateOperation(Clock clock, Arns arns) {
    this.clock = clock;
    this.arns = arns;
  }

  JsonNode test(JsonNode request) {
    String definitionText = SfnJson.requiredText(request, "definition");
    String level = SfnJson.optionalText(request, "inspectionLevel");
    if (level == null) {
      level = "INFO";
    } else if (!Set.of("INFO", "DEBUG", "TRACE").contains(level)) {
      throw SfnErrors.validation("1 validation error detected: Value '" + level + "' at 'inspectionLevel' failed to "
          + "satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
    }
    JsonNode definition = SfnJson.parseOrNull(definitionText);
    if (definition == null || !definition.isObject()) {
      throw SfnErrors.invalidDefinition("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
          + "The definition is not a valid JSON object.'");
    }
    String stateName = SfnJson.optionalText(request, "stateName");
    JsonNode state = definition;
    if (stateName != null) {
      try {
        DefinitionValidator.check(definition);
      } catch (InvalidDefinitionException e) {
        throw SfnErrors.invalidDefinition(e.getMessage());
      }
      state = definition.path("States").get(stateName);
      if (state == null) {
        throw SfnErrors.validation("State not found in definition");
      }
    } else {
      stateName = "TestState";
    }
    JsonNode language = state.has("QueryLanguage") ? state.get("QueryLanguage") : definition.get("QueryLanguage");
    boolean jsonata = language != null && "JSONata".equals(language.asText());
    String type = state.path("Type").asText();
    JsonNode mock = request.get("mock");
    if (mock != null && !mock.isNull() && UNMOCKABLE.contains(type)) {
      throw SfnErrors.validation("State type '" + type + "' is not supported when a mock is specified");
    }
    boolean mocked = mock != null && !mock.isNull();
    boolean branching = type.equals("Map") || type.equals("Parallel");
    if (!mocked && branching) {
      throw SfnErrors.invalidDefinition("TestState API does not support Map or Parallel states. Supported state "
          + "types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
    }
    if (!mocked && !UNMOCKABLE.contains(type)) {
      throw SfnErrors.validation("The local stack's TestState calls no real service: a " + type
          + " state needs a mock");
    }
    if (mocked && request.path("revealSecrets").asBoolean(false)) {
      throw SfnErrors.validation("TestState does not support RevealSecrets when a mock is specified.");
    }
    if (mocked && mock.has("result") && mock.has("errorOutput")) {
      throw SfnErrors.validation("A test mock should have only one of the following fields: [result, errorOutput].");
    }
    if (mocked && branching && mock.has("result")) {
      JsonNode result = SfnJson.parseOrNull(mock.path("result").asText());
      if (result == null || !result.isArray()) {
        throw SfnErrors.validation("Mocked result must be an array.");
      }
    }
    if (mocked) {
      String mode = MockResultValidation.mode(mock);
      if (mock.has("result") && type.equals("Task")) {
        JsonNode result = SfnJson.parseOrNull(mock.path("result").asText());
        if (result == null) {
          throw SfnErrors.validation("Mocked result must be valid JSON");
        }
        MockResultValidation.check(state, mode, result);
      }
    }
    String inputText = SfnJson.optionalText(request, "input");
    JsonNode input = SfnJson.parseOrNull(inputText == null ? "{}" : inputText);
    if (input == null) {
      throw SfnErrors.invalidExecutionInput("Invalid State Machine Execution Input: '"
          + SfnJson.parseProblem(inputText) + "'");
    }
    TestStateConfiguration config = TestStateConfiguration.of(request);
    ObjectNode variables = variables(request);
    JsonNode context = new ScopedContext((ObjectNode) context(request, stateName, input), variables);
    boolean inspect = !level.equals("INFO");
    ObjectNode out = SfnJson.object();
    ObjectNode data = SfnJson.object();
    data.put("input", SfnJson.write(input));
    if (variables != null) {
      data.put("variables", SfnJson.write(variables));
    }
    try {
      if (jsonata) {
        TestStateJsonata.run(state, type, new JsonataFlow.Scope(variables, input, context), mock, config, data, out);
      } else {
        run(state, type, input, context, mock, config, data, out);
      }
    } catch (StatesError e) {
      out.removeAll();
      out.put("error", e.error());
      out.put("cause", e.cause());
      out.put("status", "FAILED");
    }
    if (inspect) {
      out.set("inspectionData", data);
    }
    return out;
  }

  private void run(JsonNode state, String type, JsonNode input, JsonNode context, JsonNode mock,
      TestStateConfiguration config, ObjectNode data, ObjectNode out) {
    switch (type) {
      case "Pass" -> {
        JsonNode result;
        if (state.has("Result")) {
          result = state.get("Result");
          data.put("result", SfnJson.write(result));
        } else {
          JsonNode afterInputPath = DataFlow.path(state, "InputPath", input, context);
          data.put("afterInputPath", SfnJson.write(afterInputPath));
          result = DataFlow.effectiveInput(state, input, context);
          data.put("afterParameters", SfnJson.write(result));
        }
        data.put("afterResultSelector", SfnJson.write(result));
        JsonNode afterResultPath = DataFlow.applyResultPath(state.get("ResultPath"), input, result);
        data.put("afterResultPath", SfnJson.write(afterResultPath));
        succeed(state, DataFlow.path(state, "OutputPath", afterResultPath, context), out);
      }
      case "Wait", "Succeed" -> {
        JsonNode afterInputPath = DataFlow.path(state, "InputPath", input, context);
        data.put("afterInputPath", SfnJson.write(afterInputPath));
        succeed(state, DataFlow.path(state, "OutputPath", afterInputPath, context), out);
      }
      case "Choice" -> {
        JsonNode afterInputPath = DataFlow.path(state, "InputPath", input, context);
        data.put("afterInputPath", SfnJson.write(afterInputPath));
        String next = ChoiceRules.select(state, afterInputPath, context);
        if (next == null) {
          throw new StatesError("States.NoChoiceMatched", "No Matches!");
        }
        out.put("output", SfnJson.write(DataFlow.path(state, "OutputPath", afterInputPath, context)));
        out.put("nextState", next);
        out.put("status", "SUCCEEDED");
      }
      case "Fail" -> {
        out.put("error", FailFields.read(state, "Error", "ErrorPath", input, context));
        String cause = FailFields.read(state, "Cause", "CausePath", input, context);
        if (cause != null) {
          out.put("cause", cause);
        }
        out.put("status", "FAILED");
      }
      default -> mocked(state, input, context, mock, config, data, out);
    }
  }

  /** A Task, Map or Parallel state answered by its mock. */
  private void mocked(JsonNode state, JsonNode input, JsonNode context, JsonNode mock,
      TestStateConfiguration config, ObjectNode data, ObjectNode out) {
    // AWS: a mocked Map or Parallel state reports no input processing, only the result's
    boolean branching = !state.path("Type").asText().equals("Task");
    if (state.path("Type").asText().equals("Map")) {
      data.put("maxConcurrency", state.has("MaxConcurrencyPath")
          ? DataFlow.integerAt(state, "MaxConcurrencyPath", input, context) : state.path("MaxConcurrency").asLong(0));
      if (state.has("ToleratedFailureCount") || state.has("ToleratedFailureCountPath")) {
        data.put("toleratedFailureCount", state.has("ToleratedFailureCountPath")
            ? DataFlow.integerAt(state, "ToleratedFailureCountPath", input, context)
            : state.get("ToleratedFailureCount").asLong());
      }
      if (state.has("ToleratedFailurePercentage") || state.has("ToleratedFailurePercentagePath")) {
        data.put("toleratedFailurePercentage", state.has("ToleratedFailurePercentagePath")
            ? DataFlow.numberAt(state, "ToleratedFailurePercentagePath", input, context)
            : state.get("ToleratedFailurePercentage").asDouble());
      }
    }
    JsonNode afterInputPath = DataFlow.path(state, "InputPath", input, context);
    JsonNode afterParameters = DataFlow.effectiveInput(state, input, context);
    if (!branching) {
      data.put("afterInputPath", SfnJson.write(afterInputPath));
      data.put("afterParameters", SfnJson.write(afterParameters));
    }
    if (mock.has("errorOutput")) {
      JsonNode errorOutput = mock.get("errorOutput");
      String error = errorOutput.path("error").asText(null);
      String cause = errorOutput.path("cause").asText(null);
      handleError(state, input, error, cause, config, data, out);
      return;
    }
    JsonNode result = SfnJson.parseOrNull(mock.path("result").asText());
    if (result == null) {
      throw SfnErrors.validation("Mocked result must be valid JSON");
    }
    if (state.path("Type").asText().equals("Map") && config.exceedsTolerance(result, data)) {
      handleError(state, input, TestStateConfiguration.THRESHOLD_ERROR, TestStateConfiguration.THRESHOLD_CAUSE,
          config, data, out);
      return;
    }
    if (!branching) {
      data.put("result", SfnJson.write(result));
    }
    JsonNode selected = state.has("ResultSelector")
        ? io.clix.local.internal.sfn.asl.PayloadTemplate.resolve(state.get("ResultSelector"), result, context,
            "ResultSelector")
        : result;
    data.put("afterResultSelector", SfnJson.write(selected));
    JsonNode afterResultPath = DataFlow.applyResultPath(state.get("ResultPath"), input, selected);
    data.put("afterResultPath", SfnJson.write(afterResultPath));
    succeed(state, DataFlow.path(state, "OutputPath", afterResultPath, context), out);
  }

  /** A mocked error: RETRIABLE if a retrier would retry it, CAUGHT_ERROR if a catcher takes it, else FAILED. */
  private static void handleError(JsonNode state, JsonNode input, String error, String cause,
      TestStateConfiguration config, ObjectNode data, ObjectNode out) {
    handleError(state, error, cause, config, data, out, (catcher, errorOutput) -> {
      JsonNode output = DataFlow.applyResultPath(catcher.get("ResultPath"), input, errorOutput);
      data.put("afterResultPath", SfnJson.write(output));
      return output;
    });
  }

  /**
   * The error handling of TestState in either query language: RETRIABLE if the first retrier that
   * matches has attempts left after the configuration's {@code retrierRetryCount} (with the backoff
   * of the next attempt), CAUGHT_ERROR with the output {@code caught} makes of the catcher and the
   * error output if a catcher takes it, else FAILED.
   */
  static void handleError(JsonNode state, String error, String cause, TestStateConfiguration config,
      ObjectNode data, ObjectNode out, java.util.function.BiFunction<JsonNode, ObjectNode, JsonNode> caught) {
    JsonNode retriers = state.path("Retry");
    for (int i = 0; i < retriers.size(); i++) {
      JsonNode retrier = retriers.get(i);
      if (ErrorMatching.matches(retrier, error)) {
        if (ErrorMatching.maxAttempts(retrier) > config.retrierRetryCount()) {
          ObjectNode details = data.putObject("errorDetails");
          details.put("retryIndex", i);
          details.put("retryBackoffIntervalSeconds", backoffSeconds(retrier, config.retrierRetryCount() + 1));
          putError(out, error, cause);
          out.put("status", "RETRIABLE");
          return;
        }
        break;
      }
    }
    JsonNode catchers = state.path("Catch");
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode catcher = catchers.get(i);
      if (ErrorMatching.matches(catcher, error)) {
        data.putObject("errorDetails").put("catchIndex", i);
        ObjectNode errorOutput = SfnJson.object();
        errorOutput.put("Error", error);
        if (cause != null) {
          errorOutput.put("Cause", cause);
        }
        JsonNode output = caught.apply(catcher, errorOutput);
        putError(out, error, cause);
        out.put("output", SfnJson.write(output));
        out.put("nextState", catcher.path("Next").asText());
        out.put("status", "CAUGHT_ERROR");
        return;
      }
    }
    putError(out, error, cause);
    out.put("status", "FAILED");
  }

  /** The whole seconds before retry number {@code attempt}, without jitter (the ceiling a jittered retry draws under). */
  private static long backoffSeconds(JsonNode retrier, int attempt) {
    JsonNode unjittered = retrier;
    if (retrier.has("JitterStrategy")) {
      unjittered = retrier.deepCopy();
      ((ObjectNode) unjittered).remove("JitterStrategy");
    }
    return Math.round(ErrorMatching.retryDelay(unjittered, attempt, null).toMillis() / 1000.0);
  }

  static void putError(ObjectNode out, String error, String cause) {
    if (error != null) {
      out.put("error", error);
    }
    if (cause != null) {
      out.put("cause", cause);
    }
  }

  private static void succeed(JsonNode state, JsonNode output, ObjectNode out) {
    out.put("output", SfnJson.write(output));
    if (state.has("Next")) {
      out.put("nextState", state.get("Next").asText());
    }
    out.put("status", "SUCCEEDED");
  }

  /** The context object given (JSON text), else one for a single-state execution started now. */
  /** The variables given (a JSON object as text), or null. */
  private static ObjectNode variables(JsonNode request) {
    String given = SfnJson.optionalText(request, "variables");
    if (given == null) {
      return null;
    }
    JsonNode parsed = SfnJson.parseOrNull(given);
    if (parsed == null || !parsed.isObject()) {
      throw SfnErrors.validation("The variables must be a JSON object");
    }
    return (ObjectNode) parsed;
  }

  private JsonNode context(JsonNode request, String stateName, JsonNode input) {
    String given = SfnJson.optionalText(request, "context");
    if (given != null) {
      JsonNode parsed = SfnJson.parseOrNull(given);
      if (parsed == null || !parsed.isObject()) {
        throw new ServiceError(400, "ValidationException", "The context must be a JSON object");
      }
      return parsed;
    }
    String now = Execution.CONTEXT_TIME.format(clock.instant());
    ObjectNode context = SfnJson.object();
    ObjectNode execution = context.putObject("Execution");
    // AWS runs a test in a throwaway express execution of a throwaway state machine, both named by ids;
    // the execution's id is ...:express:MACHINE:NAME, with no third id as a StartSyncExecution ARN has
    String machineName = UUID.randomUUID().toString();
    String executionName = UUID.randomUUID().toString();
    String machineArn = arns.stateMachine(machineName);
    execution.put("Id", machineArn.replace(":stateMachine:", ":express:") + ":" + executionName);
    execution.put("Input", input);
    execution.put("Name", executionName);
    execution.put("StartTime", now);
    execution.put("RoleArn", SfnJson.optionalText(request, "roleArn"));
    context.putObject("State").put("Name", stateName).put("EnteredTime", now);
    context.putObject("StateMachine").put("Id", machineArn).put("Name", machineName);
    return context;
  }
}
