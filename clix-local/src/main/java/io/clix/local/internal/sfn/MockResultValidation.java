package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TestState's check of a Task state's mocked result against the output of the API the state's
 * integration calls ({@code MockInput.fieldValidationMode}, API_MockInput in the Step Functions API
 * reference): STRICT (the default) wants every required member present and every present member of
 * its model's type, PRESENT only the latter, NONE nothing. Members the model does not know are not
 * checked. The models are the output shapes of the services in {@code aws-output-shapes.json}, taken
 * from the AWS service models (see {@code clix-local/src/build/aws-output-shapes/generate.mjs}); a
 * resource whose service or action is not among them is not checked.
 */
final class MockResultValidation {

  static final String STRICT = "STRICT";
  static final String PRESENT = "PRESENT";
  static final String NONE = "NONE";
  private static final String PREFIX = "Mock result schema validation error: ";
  private static final String INTEGRATION = "arn:aws:states:::";
  private static final String SDK = "aws-sdk:";
  /** The AWS SDK integrations' service names (as in {@code aws-sdk:<name>:<action>}) whose models differ in name. */
  private static final Map<String, String> SDK_MODELS = Map.of("sfn", "states", "eventbridge", "events");

  private MockResultValidation() {}

  /** The mode {@code mock} asks for, STRICT if it names none; an unknown mode is refused as the API's enum. */
  static String mode(JsonNode mock) {
    String mode = SfnJson.optionalText(mock, "fieldValidationMode");
    if (mode == null) {
      return STRICT;
    }
    if (!Set.of(STRICT, PRESENT, NONE).contains(mode)) {
      throw SfnErrors.validation("1 validation error detected: Value '" + mode + "' at 'mock.fieldValidationMode' "
          + "failed to satisfy constraint: Member must satisfy enum value set: [STRICT, PRESENT, NONE]");
    }
    return mode;
  }

  /**
   * Checks the mocked {@code result} of the Task state {@code state} (any other state's mock is not
   * an API's answer) in {@code mode}; throws the ValidationException AWS gives for the first problem.
   */
  static void check(JsonNode state, String mode, JsonNode result) {
    if (mode.equals(NONE) || !state.path("Type").asText().equals("Task")) {
      return;
    }
    Expected expected = expected(state.path("Resource").asText());
    if (expected == null) {
      return;
    }
    JsonNode shape = Models.operation(expected.service, expected.operation);
    if (shape == null) {
      return;
    }
    if (isStructure(shape) && !result.isObject()) {
      // AWS's wording for a Task state's result that is not an object is not recorded; this follows
      // its wording for a mocked Map state with a ResultWriter ("Mocked result must be a JSON object.")
      throw SfnErrors.validation(PREFIX + "Mocked result must be a JSON object");
    }
    new Check(expected.service, mode.equals(STRICT), expected.documents).value(result, shape, null);
  }

  /** What an integration answers: an operation's output of a service's model, some members of it parsed JSON. */
  private record Expected(String service, String operation, Set<String> documents) {}

  /**
   * The output a Task state's resource answers with, or null when it is no API's output (an
   * activity, a Lambda function's ARN, a callback, a {@code .sync} job of a service not modelled
   * here) or its service is not among the models.
   */
  private static Expected expected(String resource) {
    if (!resource.startsWith(INTEGRATION)) {
      // an activity or a function's ARN: the result is whatever the worker or function returned
      return null;
    }
    String integration = resource.substring(INTEGRATION.length());
    if (integration.endsWith(TaskTarget.SUFFIX)) {
      // .waitForTaskToken: the result is the output of SendTaskSuccess, not the API's answer
      return null;
    }
    if (integration.startsWith(SDK)) {
      // AWS SDK integrations answer with the API's response, members in PascalCase
      // (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html)
      String[] parts = integration.substring(SDK.length()).split(":", -1);
      if (parts.length != 2 || !parts[1].matches("[a-z][A-Za-z0-9]*")) {
        return null;
      }
      return new Expected(SDK_MODELS.getOrDefault(parts[0], parts[0]), upperFirst(parts[1]), Set.of());
    }
    String[] parts = integration.split(":", 2);
    if (parts.length != 2) {
      return null;
    }
    String service = parts[0];
    String action = parts[1];
    if (service.equals("lambda") && action.equals("invoke")) {
      // lambda:invoke answers with Invoke's response, its Payload the function's result parsed as JSON
      // (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html)
      return new Expected("lambda", "Invoke", Set.of("Payload"));
    }
    if (service.equals("states")) {
      // startExecution answers with StartExecution's response; .sync with DescribeExecution's once the
      // child has ended, .sync:2 the same with Input and Output parsed as JSON
      // (https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html)
      return switch (action) {
        case "startExecution" -> new Expected("states", "StartExecution", Set.of());
        case "startExecution.sync" -> new Expected("states", "DescribeExecution", Set.of());
        case "startExecution.sync:2" -> new Expected("states", "DescribeExecution", Set.of("Input", "Output"));
        default -> null;
      };
    }
    if (!action.matches("[a-z][A-Za-z0-9]*")) {
      // a .sync job of another service answers with its own describe call's output: not modelled here
      return null;
    }
    // the other optimized request-response integrations (sns:publish, sqs:sendMessage, dynamodb:getItem,
    // putItem, updateItem, deleteItem, events:putEvents) answer with the API's response
    // (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html)
    return new Expected(service, upperFirst(action), Set.of());
  }

  /** One walk over a mocked result: the first member that is missing or of another type fails it. */
  private record Check(String service, boolean strict, Set<String> documents) {

    void value(JsonNode value, JsonNode shape, String field) {
      JsonNode resolved = Models.resolve(service, shape);
      if (resolved.path("document").asBoolean(false)) {
        return;
      }
      String type = resolved.path("type").asText("string");
      switch (type) {
        case "structure" -> {
          if (!value.isObject()) {
            throw typeError(field, "an object");
          }
          structure(value, resolved, field == null);
        }
        case "list" -> {
          if (!value.isArray()) {
            throw typeError(field, "an array");
          }
          for (JsonNode item : value) {
            value(item, resolved.get("member"), field);
          }
        }
        case "map" -> {
          if (!value.isObject()) {
            throw typeError(field, "an object");
          }
          for (JsonNode entry : value) {
            value(entry, resolved.get("value"), field);
          }
        }
        // a timestamp or a blob is text in the JSON a state machine sees
        case "string", "timestamp", "blob" -> {
          if (!value.isTextual()) {
            throw typeError(field, "a string");
          }
        }
        case "integer", "long" -> {
          if (!value.isNumber() || !(value.isIntegralNumber() || isWhole(value))) {
            throw typeError(field, "a number");
          }
        }
        case "float", "double" -> {
          if (!value.isNumber()) {
            throw typeError(field, "a number");
          }
        }
        case "boolean" -> {
          if (!value.isBoolean()) {
            throw typeError(field, "a boolean");
          }
        }
        default -> {
          // a type the models do not use for outputs: nothing to check
        }
      }
    }

    /** A structure's members, named in PascalCase as the integrations answer. */
    private void structure(JsonNode value, JsonNode shape, boolean top) {
      JsonNode members = shape.path("members");
      if (strict) {
        for (JsonNode required : shape.path("required")) {
          String name = upperFirst(required.asText());
          if (!value.has(name)) {
            throw SfnErrors.validation(PREFIX + "Required field '" + name + "' is missing");
          }
        }
      }
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        if (top && documents.contains(name)) {
          continue;
        }
        JsonNode member = member(members, name);
        if (member != null) {
          value(field.getValue(), member, name);
        }
      }
    }
  }

  /** The member of {@code members} that {@code name} names as the integrations answer (PascalCase), or null. */
  private static JsonNode member(JsonNode members, String name) {
    if (name.isEmpty() || !upperFirst(name).equals(name)) {
      return null;
    }
    JsonNode exact = members.get(name);
    return exact != null ? exact : members.get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
  }

  private static boolean isStructure(JsonNode shape) {
    return shape.path("type").asText().equals("structure") && !shape.path("document").asBoolean(false);
  }

  private static boolean isWhole(JsonNode number) {
    return number.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  private static io.clix.local.internal.http.ServiceError typeError(String field, String expected) {
    return SfnErrors.validation(PREFIX + "Field '" + field + "' must be " + expected);
  }

  private static String upperFirst(String name) {
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** The output shapes of the bundled service models, read once from the classpath. */
  private static final class Models {

    private static final JsonNode SERVICES = load();

    private static JsonNode load() {
      try (InputStream in = MockResultValidation.class.getResourceAsStream("aws-output-shapes.json")) {
        if (in == null) {
          throw new IllegalStateException("aws-output-shapes.json is missing from the classpath");
        }
        return SfnJson.MAPPER.readTree(in).get("services");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The output shape of {@code operation} of {@code service}, or null (unknown, or an operation with no output). */
    static JsonNode operation(String service, String operation) {
      JsonNode found = SERVICES.path(service).path("operations").get(operation);
      return found == null || found.isNull() ? null : found;
    }

    /** {@code shape} itself, or the named shape it refers to. */
    static JsonNode resolve(String service, JsonNode shape) {
      return shape.has("shape") ? SERVICES.path(service).path("shapes").get(shape.get("shape").asText()) : shape;
    }
  }
}
