package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.AwsJsonService;
import io.clix.local.internal.http.ServiceError;
import io.clix.local.internal.sfn.asl.StatesError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Step Functions' own integrations, run against the stack's own Step Functions on the same clock.
 * The optimized {@code arn:aws:states:::states:startExecution} in its four patterns: request and
 * response ({@code ExecutionArn}, {@code StartDate}; StartExecution's errors as
 * {@code StepFunctions.<Name>Exception}), {@code .sync} (the child's DescribeExecution
 * once it ends, {@code Output} as a JSON string), {@code .sync:2} (the same with {@code Input} and
 * {@code Output} parsed) and {@code .waitForTaskToken}; a child that fails, times out or is aborted
 * fails the task with {@code States.TaskFailed} and its DescribeExecution as the cause, and a
 * parent that stops waiting (stopped, timed out) stops its {@code .sync} child, as the
 * integration's IAM policy (StopExecution) implies. And the SDK integration
 * {@code arn:aws:states:::aws-sdk:sfn:<action>} for every API action: PascalCase parameters in,
 * PascalCase members out, service errors as {@code Sfn.<Name>Exception} with the SDK's message;
 * {@code startSyncExecution} answers once its EXPRESS execution ends, without holding a worker.
 */
final class StepFunctionsTasks {

  private static final String OPTIMIZED = "arn:aws:states:::states:";
  private static final String SDK = "arn:aws:states:::aws-sdk:sfn:";
  /** StartExecution's members the optimized integration passes on. */
  private static final Set<String> START_PARAMETERS = Set.of("StateMachineArn", "Name", "Input", "TraceHeader");
  /** Response members whose values are maps: their keys are names, not members, and keep their case. */
  private static final Set<String> MAPS = Set.of("variableReferences");

  private final AwsJsonService stepFunctions;
  private final Supplier<ExecutionOperations> executions;
  private final Consumer<Runnable> submit;

  /**
   * @param stepFunctions the stack's Step Functions API (called on the worker pool)
   * @param executions the service's executions (built after its task states)
   * @param submit runs a job on the worker pool
   */
  StepFunctionsTasks(AwsJsonService stepFunctions, Supplier<ExecutionOperations> executions,
      Consumer<Runnable> submit) {
    this.stepFunctions = stepFunctions;
    this.executions = executions;
    this.submit = submit;
  }

  /** The target of a {@code states:} or {@code aws-sdk:sfn:} resource; null for any other resource. */
  TaskTarget target(String resource) {
    if (resource.startsWith(OPTIMIZED)) {
      String action = resource.substring(OPTIMIZED.length());
      return switch (action) {
        case "startExecution" -> optimized(resource, action, false, null);
        case "startExecution" + TaskTarget.SUFFIX -> optimized(resource, action, true, null);
        case "startExecution.sync" -> optimized(resource, action, false, childEnd(false));
        case "startExecution.sync:2" -> optimized(resource, action, false, childEnd(true));
        default -> throw new StatesError("States.Runtime", "The resource '" + resource
            + "' is not supported by the optimized Step Functions integration; it supports startExecution, "
            + "startExecution.sync, startExecution.sync:2 and startExecution.waitForTaskToken.");
      };
    }
    if (resource.startsWith(SDK)) {
      String action = resource.substring(SDK.length());
      boolean wait = action.endsWith(TaskTarget.SUFFIX);
      String name = wait ? action.substring(0, action.length() - TaskTarget.SUFFIX.length()) : action;
      if (!name.matches("[a-z][A-Za-z]*")) {
        throw new StatesError("States.Runtime", "The resource '" + resource
            + "' is not supported: the AWS SDK integration supports request-response and .waitForTaskToken.");
      }
      if (name.equals("startSyncExecution") && !wait) {
        return new TaskTarget(TaskTarget.Kind.SERVICE, resource, "aws-sdk:sfn", action, false,
            input -> sdkErrors(() -> startSync(input)), expressEnd());
      }
      return new TaskTarget(TaskTarget.Kind.SERVICE, resource, "aws-sdk:sfn", action, wait, input -> sdk(name, input));
    }
    return null;
  }

  private TaskTarget optimized(String resource, String action, boolean wait, TaskTarget.Job job) {
    return new TaskTarget(TaskTarget.Kind.SERVICE, resource, "states", action, wait, this::startExecution, job);
  }

  // ------------------------------------------------------------------------- optimized

  private JsonNode startExecution(JsonNode parameters) {
    ObjectNode request = SfnJson.object();
    if (parameters != null && parameters.isObject()) {
      for (String member : START_PARAMETERS) {
        JsonNode value = parameters.get(member);
        if (value == null || value.isNull()) {
          continue;
        }
        // the integration takes Input as JSON, or as a string holding JSON
        request.put(lowerFirst(member), value.isTextual() ? value.asText() : SfnJson.write(value));
      }
    }
    JsonNode started;
    try {
      started = stepFunctions.handle("StartExecution", request);
    } catch (ServiceError e) {
      throw new StatesError(AwsSdkErrors.name("StepFunctions", e.code()), message(e)
          + " (Service: AWSStepFunctions; Status Code: " + e.status() + "; Error Code: " + e.code()
          + "; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
    }
    ObjectNode out = SfnJson.object();
    out.put("ExecutionArn", started.path("executionArn").asText());
    out.set("StartDate", millis(started.get("startDate")));
    return out;
  }

  /** A {@code .sync} wait: the child's DescribeExecution once it ends ({@code parsed} for .sync:2). */
  private TaskTarget.Job childEnd(boolean parsed) {
    return (submitted, outcome) -> {
      Execution child = executions.get().find(submitted.path("ExecutionArn").asText());
      Runnable report = whenEnded(child, () -> ended(child, parsed, outcome));
      return () -> submit.accept(() -> {
        synchronized (child) {
          child.whenEnded.remove(report);
        }
        try {
          stepFunctions.handle("StopExecution", SfnJson.object().put("executionArn", child.arn));
        } catch (ServiceError ended) {
          // the child ended meanwhile
        }
      });
    };
  }

  /** Runs {@code job} on the pool once {@code execution} has ended; returns the registered listener. */
  private Runnable whenEnded(Execution execution, Runnable job) {
    Runnable report = () -> submit.accept(job);
    synchronized (execution) {
      if (execution.running()) {
        execution.whenEnded.add(report);
      } else {
        report.run();
      }
    }
    return report;
  }

  private void ended(Execution child, boolean parsed, TaskTarget.Outcome outcome) {
    ObjectNode described = pascal(child.describe(), true);
    if (parsed) {
      for (String member : new String[] {"Input", "Output"}) {
        JsonNode value = described.get(member);
        JsonNode json = value == null || !value.isTextual() ? null : SfnJson.parseOrNull(value.asText());
        if (json != null) {
          described.set(member, json);
        }
      }
    }
    if (described.path("Status").asText().equals("SUCCEEDED")) {
      outcome.succeeded(described);
    } else {
      outcome.failed("States.TaskFailed", SfnJson.write(described));
    }
  }

  // ------------------------------------------------------------------------- aws-sdk:sfn

  private JsonNode sdk(String action, JsonNode parameters) {
    String operation = action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
    JsonNode request = parameters != null && parameters.isObject() ? camel(parameters) : SfnJson.object();
    JsonNode response = sdkErrors(() -> stepFunctions.handle(operation, request));
    return response != null && response.isObject() ? pascal((ObjectNode) response, false) : SfnJson.object();
  }

  /** Runs a call of the SDK integration; a service error becomes {@code Sfn.<Name>Exception} with the SDK's message. */
  private static JsonNode sdkErrors(Supplier<JsonNode> call) {
    try {
      return call.get();
    } catch (ServiceError e) {
      throw new StatesError(AwsSdkErrors.name("Sfn", e.code()), message(e) + " (Service: Sfn, Status Code: "
          + e.status() + ", Request ID: " + UUID.randomUUID() + ") (SDK Attempt Count: 1)");
    }
  }

  /**
   * StartSyncExecution through the SDK integration: a request-response call whose answer comes when
   * the EXPRESS execution ends, on the stack's clock, without holding a worker thread meanwhile.
   */
  private JsonNode startSync(JsonNode parameters) {
    JsonNode request = parameters != null && parameters.isObject() ? camel(parameters) : SfnJson.object();
    return SfnJson.object().put("executionArn", executions.get().beginSync(request).arn);
  }

  private TaskTarget.Job expressEnd() {
    return new TaskTarget.Job() {
      @Override
      public Runnable await(JsonNode submitted, TaskTarget.Outcome outcome) {
        ExecutionOperations operations = executions.get();
        Execution execution = operations.find(submitted.path("executionArn").asText());
        Runnable report = whenEnded(execution,
            () -> outcome.succeeded(pascal(operations.syncAnswer(execution), false)));
        return () -> {
          synchronized (execution) {
            execution.whenEnded.remove(report);
          }
        };
      }

      @Override
      public boolean submits() {
        return false;
      }
    };
  }

  // ------------------------------------------------------------------------- names and values

  private static String message(ServiceError e) {
    JsonNode body = e.body();
    return body.has("message") ? body.get("message").asText() : body.path("Message").asText("");
  }

  /** Request members as the JSON API names them: each key's first letter in lower case, at every depth. */
  private static JsonNode camel(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = SfnJson.object();
      node.fields().forEachRemaining(f -> out.set(lowerFirst(f.getKey()), camel(f.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = SfnJson.NODES.arrayNode();
      node.forEach(item -> out.add(camel(item)));
      return out;
    }
    return node;
  }

  /**
   * Response members as the SDK integrations name them: PascalCase at every depth (map keys kept);
   * timestamps as epoch milliseconds for the optimized integration, ISO-8601 text for the SDK one.
   */
  private static ObjectNode pascal(ObjectNode node, boolean optimized) {
    ObjectNode out = SfnJson.object();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      JsonNode converted;
      if (MAPS.contains(key)) {
        converted = value;
      } else if (value.isNumber() && (key.endsWith("Date") || key.equals("timestamp"))) {
        converted = optimized ? millis(value) : SfnJson.NODES.textNode(instant(value).toString());
      } else {
        converted = pascalValue(value, optimized);
      }
      out.set(upperFirst(key), converted);
    }
    return out;
  }

  private static JsonNode pascalValue(JsonNode value, boolean optimized) {
    if (value.isObject()) {
      return pascal((ObjectNode) value, optimized);
    }
    if (value.isArray()) {
      ArrayNode out = SfnJson.NODES.arrayNode();
      value.forEach(item -> out.add(pascalValue(item, optimized)));
      return out;
    }
    return value;
  }

  private static Instant instant(JsonNode epochSeconds) {
    return Instant.ofEpochMilli(epochSeconds.decimalValue().movePointRight(3).longValue());
  }

  private static JsonNode millis(JsonNode epochSeconds) {
    if (epochSeconds == null || !epochSeconds.isNumber()) {
      return SfnJson.NODES.nullNode();
    }
    BigDecimal seconds = epochSeconds.decimalValue();
    return SfnJson.NODES.numberNode(seconds.movePointRight(3).longValue());
  }

  private static String lowerFirst(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String upperFirst(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
