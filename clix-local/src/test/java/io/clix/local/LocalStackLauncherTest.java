package io.clix.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackLauncherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void portZeroPicksAFreePortAndPrintsTheEndpointLine() throws Exception {
    try (LocalStack stack = LocalStackLauncher.launch(new String[] {"--port", "0"}, out)) {
      assertThat(stack.port()).isPositive();
      assertThat(printed.toString(StandardCharsets.UTF_8).lines().findFirst())
          .contains("Clix local stack listening on http://127.0.0.1:" + stack.port());
    }
  }

  @Test
  void helpSaysWhatItServesAndHowToPickAPort() throws Exception {
    assertThat(LocalStackLauncher.launch(new String[] {"--help"}, out)).isNull();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Step Functions", "DynamoDB", "AWS JSON 1.0", "one port", "--port 0 picks a free port",
            "--region", "us-east-1", "--account", "123456789012", "--mock-config FILE", "SFN_MOCK_CONFIG",
            "#<test case>");
  }

  private static final String MOCKS = "{\"StateMachines\":{\"m\":{\"TestCases\":{\"Happy\":{\"L\":\"Ok\"}}}},"
      + "\"MockedResponses\":{\"Ok\":{\"0\":{\"Return\":{\"StatusCode\":200,\"Payload\":\"hi\"}}}}}";

  private static final String LAMBDA_MACHINE = "{\"name\":\"m\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
      + "\"definition\":\"{\\\"StartAt\\\":\\\"L\\\",\\\"States\\\":{\\\"L\\\":{\\\"Type\\\":\\\"Task\\\","
      + "\\\"Resource\\\":\\\"arn:aws:states:::lambda:invoke\\\",\\\"OutputPath\\\":\\\"$.Payload\\\","
      + "\\\"End\\\":true}}}\"}";

  /** Runs the mocked test case "Happy" of machine "m" on {@code stack} and answers its output. */
  private static String runHappy(LocalStack stack) throws Exception {
    String machineArn = call(stack.endpoint(), null, "AWSStepFunctions.CreateStateMachine", LAMBDA_MACHINE)
        .path("stateMachineArn").asText();
    String executionArn = call(stack.endpoint(), null, "AWSStepFunctions.StartExecution",
        "{\"stateMachineArn\":\"" + machineArn + "#Happy\"}").path("executionArn").asText();
    stack.awaitIdle();
    JsonNode done = call(stack.endpoint(), null, "AWSStepFunctions.DescribeExecution",
        "{\"executionArn\":\"" + executionArn + "\"}");
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    return done.path("output").asText();
  }

  @Test
  void mockConfigLoadsAStepFunctionsLocalMockFileWhoseTestCasesRunByArnSuffix(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("MockConfigFile.json"), MOCKS);
    try (LocalStack stack = LocalStackLauncher.launch(new String[] {"--port", "0", "--mock-config", file.toString()},
        out, Map.of())) {
      assertThat(runHappy(stack)).isEqualTo("\"hi\"");
    }
  }

  @Test
  void sfnMockConfigNamesTheFileWhenTheFlagDoesNot(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("EnvSpecifiedMockConfig.json"), MOCKS);
    try (LocalStack stack = LocalStackLauncher.launch(new String[] {"--port", "0"}, out,
        Map.of("SFN_MOCK_CONFIG", file.toString()))) {
      assertThat(runHappy(stack)).isEqualTo("\"hi\"");
    }
    try (LocalStack stack = LocalStackLauncher.launch(new String[] {"--port", "0", "--mock-config", file.toString()},
        out, Map.of("SFN_MOCK_CONFIG", dir.resolve("missing.json").toString()))) {
      assertThat(runHappy(stack)).as("the flag wins over the variable").isEqualTo("\"hi\"");
    }
  }

  @Test
  void aMissingOrInvalidMockConfigIsAOneLineError(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--mock-config", missing.toString()}, out, Map.of()))
        .hasMessage("--mock-config file '" + missing + "' does not exist");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[0], out, Map.of("SFN_MOCK_CONFIG", missing.toString())))
        .hasMessage("SFN_MOCK_CONFIG file '" + missing + "' does not exist");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1,\"Throw\":{}}}}}");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--mock-config", bad.toString()}, out, Map.of()))
        .hasMessage("bad --mock-config file '" + bad + "': MockedResponses.R.\"0\": expected exactly one field, "
            + "Return or Throw");
    Path notJson = Files.writeString(dir.resolve("not.json"), "StateMachines: {}");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--mock-config", notJson.toString()}, out, Map.of()))
        .hasMessageStartingWith("bad --mock-config file '" + notJson + "': not JSON: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--mock-config"}, out, Map.of()))
        .hasMessage("--mock-config needs a value (try --help)");
    assertThat(printed.size()).isZero();
  }

  @Test
  void aMissingMockConfigExitsWithStatusTwo(@TempDir Path dir) throws Exception {
    String missing = dir.resolve("nope.json").toString();
    Process process = java("--port", "0", "--mock-config", missing);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim())
        .isEqualTo("clix-local: --mock-config file '" + missing + "' does not exist");
    assertThat(process.getInputStream().readAllBytes()).isEmpty();
  }

  @Test
  void retentionOptionsTakeACountAndADuration() throws Exception {
    try (LocalStack stack = LocalStackLauncher.launch(new String[] {"--port", "0", "--retained-executions", "10",
        "--execution-retention", "P7D"}, out)) {
      assertThat(stack.port()).isPositive();
    }
    try (LocalStack stack = LocalStackLauncher.launch(new String[] {"--port", "0", "--execution-retention", "3600"}, out)) {
      assertThat(stack.port()).isPositive();
    }
  }

  @Test
  void badPortHostRegionAndAccountAreOneLineErrors() {
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--port", "70000"}, out))
        .hasMessage("bad port '70000' (expected 0..65535; 0 picks a free port)");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--port", "http"}, out))
        .hasMessageStartingWith("bad port 'http'");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--port", "0", "--host", "not a host"}, out))
        .hasMessage("bad host 'not a host' (expected a host name or an IP address)");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--port", "0", "--host", "203.0.113.7"}, out))
        .hasMessageStartingWith("cannot listen on 203.0.113.7:0: ");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--region", "Mars"}, out))
        .hasMessageStartingWith("bad region 'Mars'");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--account", "42"}, out))
        .hasMessageStartingWith("bad account id '42'");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--retained-executions", "-1"}, out))
        .hasMessage("bad --retained-executions '-1' (expected a count, 0 or more)");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--execution-retention", "a week"}, out))
        .hasMessage("bad --execution-retention 'a week' (expected seconds or a duration like P7D)");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--port"}, out))
        .hasMessage("--port needs a value (try --help)");
    assertThatThrownBy(() -> LocalStackLauncher.launch(new String[] {"--verbose"}, out))
        .hasMessage("unknown option '--verbose' (try --help)");
    assertThat(printed.size()).isZero();
  }

  @Test
  void aPortInUseIsOneLineOnStandardErrorAndExitStatusTwo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Process process = java("--port", Integer.toString(taken.getLocalPort()));
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(2);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(err.trim()).isEqualTo("clix-local: port " + taken.getLocalPort()
          + " on 127.0.0.1 is already in use (--port 0 picks a free port)");
      assertThat(process.getInputStream().readAllBytes()).isEmpty();
    }
  }

  @Test
  void aBadPortExitsWithStatusTwo() throws Exception {
    Process process = java("--port", "-1");
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim())
        .isEqualTo("clix-local: bad port '-1' (expected 0..65535; 0 picks a free port)");
  }

  @Test
  void theMainServesAfterItsFirstLine() throws Exception {
    Process process = java("--port", "0", "--region", "eu-central-1", "--account", "210987654321");
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = lines.readLine();
      assertThat(first).matches("Clix local stack listening on http://127\\.0\\.0\\.1:[0-9]+");
      URI endpoint = URI.create(first.substring(first.indexOf("http://")));
      JsonNode created = call(endpoint, null, "AWSStepFunctions.CreateActivity", "{\"name\":\"work\"}");
      assertThat(created.path("activityArn").asText())
          .isEqualTo("arn:aws:states:eu-central-1:210987654321:activity:work");
    } finally {
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void requestsSignedForAnotherRegionGetThatRegionsArns() throws Exception {
    try (LocalStack stack = LocalStackLauncher.launch(new String[] {"--port", "0"}, out)) {
      URI endpoint = stack.endpoint();
      String machine = "{\"name\":\"m\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
          + "\"definition\":\"{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}\"}";
      String machineArn = call(endpoint, "ap-southeast-2", "AWSStepFunctions.CreateStateMachine", machine)
          .path("stateMachineArn").asText();
      assertThat(machineArn).isEqualTo("arn:aws:states:ap-southeast-2:123456789012:stateMachine:m");
      String executionArn = call(endpoint, "ap-southeast-2", "AWSStepFunctions.StartExecution",
          "{\"stateMachineArn\":\"" + machineArn + "\",\"name\":\"e\"}").path("executionArn").asText();
      assertThat(executionArn).isEqualTo("arn:aws:states:ap-southeast-2:123456789012:execution:m:e");
      assertThat(call(endpoint, null, "AWSStepFunctions.CreateActivity", "{\"name\":\"a\"}")
          .path("activityArn").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:a");

      String table = "{\"TableName\":\"tab\",\"BillingMode\":\"PAY_PER_REQUEST\","
          + "\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}],"
          + "\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}]}";
      String tableArn = call(endpoint, "eu-west-3", "DynamoDB_20120810.CreateTable", table)
          .path("TableDescription").path("TableArn").asText();
      assertThat(tableArn).isEqualTo("arn:aws:dynamodb:eu-west-3:123456789012:table/tab");
      assertThat(call(endpoint, "eu-west-3", "DynamoDB_20120810.DescribeTable", "{\"TableName\":\"" + tableArn + "\"}")
          .path("Table").path("TableName").asText()).isEqualTo("tab");
    }
  }

  private static JsonNode call(URI endpoint, String region, String target, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", target)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (region != null) {
      request.header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/" + region
          + "/states/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc");
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Process java(String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        LocalStackLauncher.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }
}
