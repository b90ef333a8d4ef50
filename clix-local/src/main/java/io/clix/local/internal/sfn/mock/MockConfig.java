package io.clix.local.internal.sfn.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Step Functions Local mock configuration: {@code StateMachines} (state machine name, then
 * {@code TestCases}, then test case name, then Task state name to mocked response name) and {@code
 * MockedResponses} (mocked response name, then invocation number or inclusive range such as {@code
 * "0"} or {@code "1-2"}, then exactly one of {@code Return} (any JSON value) or {@code Throw} with
 * a string {@code Error} and an optional string {@code Cause}).
 *
 * <p>The shape is checked when the file is read, so a typo is one clear line at start-up rather
 * than a surprise in a test. What only an execution can tell stays an execution's failure, as in
 * Step Functions Local: a test case naming a mocked response the file does not define, or an
 * invocation no entry covers, fails the execution with {@code States.Runtime} when the state runs.
 */
public final class MockConfig {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INVOCATIONS = Pattern.compile("([0-9]{1,9})(?:-([0-9]{1,9}))?");

  /** The mocks one execution runs with: a test case of one state machine. */
  public record TestCase(String stateMachine, String name, Map<String, String> responseByState,
      Map<String, MockedResponse> responses) {

    /** Whether {@code state} is mocked in this test case. */
    public boolean mocks(String state) {
      return responseByState.containsKey(state);
    }

    /** The answer for the {@code invocation}-th call (0-based) of the mocked state {@code state}. */
    public MockAnswer answer(String state, int invocation) {
      String responseName = responseByState.get(state);
      MockedResponse response = responses.get(responseName);
      if (response == null) {
        return new MockAnswer.Missing("The test case '" + name + "' maps the state '" + state
            + "' to the mocked response '" + responseName + "', which the mock configuration does not define.");
      }
      return response.answer(invocation);
    }
  }

  private final Map<String, Map<String, Map<String, String>>> testCases;
  private final Map<String, MockedResponse> responses;

  private MockConfig(Map<String, Map<String, Map<String, String>>> testCases, Map<String, MockedResponse> responses) {
    this.testCases = testCases;
    this.responses = responses;
  }

  /**
   * Reads and checks the file at {@code path}.
   *
   * @throws IOException if it cannot be read
   * @throws MockConfigException if it is not a mock configuration
   */
  public static MockConfig read(Path path) throws IOException {
    return parse(Files.readString(path, StandardCharsets.UTF_8));
  }

  /**
   * Parses and checks a mock configuration.
   *
   * @throws MockConfigException if {@code json} is not a mock configuration
   */
  public static MockConfig parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MockConfigException("not JSON: " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw new MockConfigException("expected a JSON object with StateMachines and MockedResponses");
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (!field.getKey().equals("StateMachines") && !field.getKey().equals("MockedResponses")) {
        throw new MockConfigException("unknown field '" + field.getKey()
            + "' (a mock configuration has StateMachines and MockedResponses)");
      }
    }
    return new MockConfig(stateMachines(root.get("StateMachines")), mockedResponses(root.get("MockedResponses")));
  }

  /** The test case {@code name} of the state machine {@code stateMachine}, if the configuration defines it. */
  public Optional<TestCase> testCase(String stateMachine, String name) {
    Map<String, Map<String, String>> cases = testCases.get(stateMachine);
    Map<String, String> byState = cases == null ? null : cases.get(name);
    return byState == null ? Optional.empty() : Optional.of(new TestCase(stateMachine, name, byState, responses));
  }

  private static Map<String, Map<String, Map<String, String>>> stateMachines(JsonNode node) {
    Map<String, Map<String, Map<String, String>>> machines = new LinkedHashMap<>();
    if (node == null) {
      return machines;
    }
    object(node, "StateMachines");
    for (Map.Entry<String, JsonNode> machine : node.properties()) {
      String where = "StateMachines." + machine.getKey();
      object(machine.getValue(), where);
      for (Map.Entry<String, JsonNode> field : machine.getValue().properties()) {
        if (!field.getKey().equals("TestCases")) {
          throw new MockConfigException(where + ": unknown field '" + field.getKey() + "' (expected TestCases)");
        }
      }
      JsonNode cases = machine.getValue().get("TestCases");
      if (cases == null) {
        throw new MockConfigException(where + ": missing TestCases");
      }
      object(cases, where + ".TestCases");
      Map<String, Map<String, String>> byName = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> testCase : cases.properties()) {
        String caseWhere = where + ".TestCases." + testCase.getKey();
        object(testCase.getValue(), caseWhere);
        Map<String, String> byState = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> state : testCase.getValue().properties()) {
          if (!state.getValue().isTextual()) {
            throw new MockConfigException(caseWhere + "." + state.getKey()
                + ": expected the name of a mocked response (a string)");
          }
          byState.put(state.getKey(), state.getValue().asText());
        }
        byName.put(testCase.getKey(), Map.copyOf(byState));
      }
      machines.put(machine.getKey(), byName);
    }
    return machines;
  }

  private static Map<String, MockedResponse> mockedResponses(JsonNode node) {
    Map<String, MockedResponse> responses = new LinkedHashMap<>();
    if (node == null) {
      return responses;
    }
    object(node, "MockedResponses");
    for (Map.Entry<String, JsonNode> response : node.properties()) {
      String where = "MockedResponses." + response.getKey();
      object(response.getValue(), where);
      MockedResponse.Builder builder = new MockedResponse.Builder(response.getKey(), where);
      for (Map.Entry<String, JsonNode> entry : response.getValue().properties()) {
        String key = entry.getKey();
        String entryWhere = where + ".\"" + key + "\"";
        Matcher m = INVOCATIONS.matcher(key);
        if (!m.matches()) {
          throw new MockConfigException(entryWhere + ": bad invocation number (expected \"0\", \"1\", ... "
              + "or an inclusive range such as \"1-2\")");
        }
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        if (last < first) {
          throw new MockConfigException(entryWhere + ": the range ends before it starts");
        }
        builder.add(key, first, last, answer(entry.getValue(), entryWhere));
      }
      responses.put(response.getKey(), builder.build());
    }
    return responses;
  }

  private static MockAnswer answer(JsonNode node, String where) {
    object(node, where);
    if (node.size() != 1 || !(node.has("Return") || node.has("Throw"))) {
      throw new MockConfigException(where + ": expected exactly one field, Return or Throw");
    }
    if (node.has("Return")) {
      return new MockAnswer.Returned(node.get("Return"));
    }
    JsonNode thrown = node.get("Throw");
    String throwWhere = where + ".Throw";
    object(thrown, throwWhere);
    for (Map.Entry<String, JsonNode> field : thrown.properties()) {
      if (!field.getKey().equals("Error") && !field.getKey().equals("Cause")) {
        throw new MockConfigException(throwWhere + ": unknown field '" + field.getKey() + "' (expected Error and Cause)");
      }
      if (!field.getValue().isTextual()) {
        throw new MockConfigException(throwWhere + "." + field.getKey() + ": expected a string");
      }
    }
    if (!thrown.has("Error")) {
      throw new MockConfigException(throwWhere + ": missing Error");
    }
    return new MockAnswer.Thrown(thrown.get("Error").asText(),
        thrown.has("Cause") ? thrown.get("Cause").asText() : null);
  }

  private static void object(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new MockConfigException(where + ": expected a JSON object");
    }
  }
}
