package io.clix.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The web console in a real headless Chromium: a state machine drawn as a graph, an execution's
 * path highlighted with its token masked, the manual clock advanced from the page until a lobby
 * times out, live updates, filters and table items. Skipped, saying so, when no Chromium is installed.
 */
class ConsoleBrowserTest {

  private static final Pattern TOKEN = Pattern.compile("AQ[A-Za-z0-9_-]{86}");
  private static final List<String> TOKENS = new ArrayList<>();
  private static final String LOBBY = "{\"StartAt\":\"Prepare\",\"States\":{"
      + "\"Prepare\":{\"Type\":\"Pass\",\"Result\":{\"lobby\":\"l-1\"},\"ResultPath\":\"$.prepared\",\"Next\":\"Wait for players\"},"
      + "\"Wait for players\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
      + "\"Parameters\":{\"FunctionName\":\"notify\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"TimeoutSeconds\":60,"
      + "\"Retry\":[{\"ErrorEquals\":[\"Lambda.ServiceException\"],\"MaxAttempts\":2}],"
      + "\"Catch\":[{\"ErrorEquals\":[\"States.Timeout\"],\"Next\":\"Lobby timed out\"}],\"Next\":\"Enough players?\"},"
      + "\"Enough players?\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.players\",\"NumericGreaterThanEquals\":2,"
      + "\"Next\":\"Play\"}],\"Default\":\"Lobby timed out\"},"
      + "\"Play\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"Round\",\"States\":{\"Round\":{\"Type\":\"Wait\","
      + "\"Seconds\":5,\"Next\":\"Tally\"},\"Tally\":{\"Type\":\"Pass\",\"End\":true}}},"
      + "{\"StartAt\":\"Score\",\"States\":{\"Score\":{\"Type\":\"Pass\",\"Result\":{\"seats\":[1,2,3]},"
      + "\"Next\":\"Each seat\"},\"Each seat\":{\"Type\":\"Map\",\"ItemsPath\":\"$.seats\",\"ItemProcessor\":{"
      + "\"StartAt\":\"Award\",\"States\":{\"Award\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}],"
      + "\"Next\":\"Done\"},"
      + "\"Done\":{\"Type\":\"Succeed\"},"
      + "\"Lobby timed out\":{\"Type\":\"Fail\",\"Error\":\"LobbyTimeout\",\"Cause\":\"not enough players\"}}}";

  @RegisterExtension
  static final LocalStackExtension LOCAL = LocalStackExtension.builder().stackPerMethod(true)
      .stack(b -> b.resource("arn:aws:states:::lambda:invoke", input -> {
        Matcher m = TOKEN.matcher(input.toString());
        synchronized (TOKENS) {
          while (m.find()) {
            TOKENS.add(m.group());
          }
        }
        return JsonNodeFactory.instance.objectNode();
      }))
      .build();

  private static Optional<Path[]> chromium;
  private WebDriver browser;

  @BeforeAll
  static void findBrowser() {
    chromium = HeadlessChromium.find();
    if (chromium.isEmpty()) {
      System.err.println("ConsoleBrowserTest: " + HeadlessChromium.MISSING);
    }
  }

  @BeforeEach
  void startBrowser() {
    Assumptions.assumeTrue(chromium.isPresent(), HeadlessChromium.MISSING);
    synchronized (TOKENS) {
      TOKENS.clear();
    }
    browser = HeadlessChromium.start(chromium.get());
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void drawsTheGraphHighlightsThePathMasksTheTokenAndTimesTheLobbyOutFromThePage(LocalStack stack, SfnClient sfn) {
    String machine = sfn.createStateMachine(b -> b.name("lobby").roleArn("arn:aws:iam::123456789012:role/r")
        .definition(LOBBY)).stateMachineArn();
    String played = sfn.startExecution(b -> b.stateMachineArn(machine).name("lobby-full").input("{}")).executionArn();
    stack.awaitIdle();
    sfn.sendTaskSuccess(b -> b.taskToken(onlyToken()).output("{\"players\":3}"));
    String waiting = sfn.startExecution(b -> b.stateMachineArn(machine).name("lobby-empty").input("{}")).executionArn();
    stack.awaitIdle();
    String token = TOKENS.get(1);

    open(stack, "#/machine/" + enc(machine));
    waitFor(By.cssSelector("svg.graph g.node[data-state='Play']"));
    assertThat(stateNodes()).contains("Prepare", "Wait for players", "Enough players?", "Play", "Round", "Tally", "Score",
        "Each seat", "Award", "Done", "Lobby timed out");
    assertThat(browser.findElements(By.cssSelector("svg.graph g.cluster.group[data-state='Play']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("svg.graph g.cluster.group[data-state='Each seat']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("svg.graph g.edge.catch[data-from='Wait for players']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("svg.graph g.edge.retry[data-from='Wait for players']"))).hasSize(1);
    HeadlessChromium.screenshot(browser, "console-machine");

    click(By.linkText("lobby-empty"));
    waitFor(By.cssSelector("svg.graph g.node.current[data-state='Wait for players']"));
    assertThat(browser.findElements(By.cssSelector("g.node.visited[data-state='Prepare']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("g.edge.taken[data-from='Prepare'][data-to='Wait for players']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("g.node.visited[data-state='Play']"))).isEmpty();
    waitForText(By.cssSelector("details.step[data-state='Wait for players'] .pill.token"), "task token masked");
    click(By.cssSelector("details.step[data-state='Wait for players'] summary"));
    waitForText(By.cssSelector("details.step[data-state='Wait for players'] .inner"), "AQ\u2026[task token masked]");
    assertThat(browser.getPageSource()).doesNotContain(token);
    HeadlessChromium.screenshot(browser, "console-execution-waiting");

    WebElement seconds = browser.findElement(By.id("advance-seconds"));
    seconds.clear();
    seconds.sendKeys("61");
    click(By.id("advance-button"));
    waitFor(By.cssSelector("svg.graph g.node.visited[data-state='Lobby timed out']"));
    assertThat(browser.findElement(By.id("clock-now")).getText())
        .isEqualTo(ManualClock.DEFAULT_START.plusSeconds(61).toString());
    assertThat(browser.findElement(By.cssSelector("h2 .status")).getText()).isEqualTo("FAILED");
    assertThat(browser.findElements(By.cssSelector("g.edge.taken.catch[data-from='Wait for players'][data-to='Lobby timed out']")))
        .hasSize(1);
    assertThat(browser.getPageSource()).doesNotContain(token);
    assertThat(sfn.describeExecution(b -> b.executionArn(waiting)).statusAsString()).isEqualTo("FAILED");
    HeadlessChromium.screenshot(browser, "console-execution-timed-out");

    open(stack, "#/execution/" + enc(played));
    // the page of the failed execution also has a visited end node: wait for this execution's own page
    waitForText(By.cssSelector("h2 .name"), "lobby-full");
    waitForText(By.cssSelector("h2 .status"), "SUCCEEDED");
    waitFor(By.cssSelector("svg.graph g.node.end.visited"));
    for (String state : List.of("Enough players?", "Play", "Round", "Tally", "Score", "Each seat", "Award", "Done")) {
      assertThat(browser.findElements(By.cssSelector("g.node.visited[data-state='" + state + "']"))).as(state).isNotEmpty();
    }
    assertThat(browser.findElements(By.cssSelector("g.edge.taken[data-from='Play'][data-to='Done']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("g.edge.taken.fork[data-from='Each seat'][data-to='Award']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("g.node.visited[data-state='Lobby timed out']"))).isEmpty();
    HeadlessChromium.screenshot(browser, "console-execution-succeeded");
  }

  @Test
  void listsExecutionsLiveWithFiltersAndPagesThroughTableItems(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    String machine = sfn.createStateMachine(b -> b.name("lobby").roleArn("arn:aws:iam::123456789012:role/r")
        .definition(LOBBY)).stateMachineArn();
    sfn.startExecution(b -> b.stateMachineArn(machine).name("first").input("{}"));
    stack.awaitIdle();

    open(stack, "#/executions");
    waitFor(By.linkText("first"));
    sfn.startExecution(b -> b.stateMachineArn(machine).name("second").input("{}")); // arrives over SSE, no reload
    waitFor(By.linkText("second"));
    stack.advance(Duration.ofSeconds(61));
    waitFor(By.cssSelector("tr.execution[data-status='FAILED']"));
    choose("status-filter", "FAILED");
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
        d.findElements(By.cssSelector("tr.execution")).size() == 2
            && d.findElements(By.cssSelector("tr.execution[data-status='FAILED']")).size() == 2);
    choose("status-filter", "RUNNING");
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("tr.execution")).isEmpty());
    HeadlessChromium.screenshot(browser, "console-executions");

    dynamoDb.createTable(b -> b.tableName("games").billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
        .keySchema(k -> k.attributeName("id").keyType("HASH")));
    for (int i = 0; i < 25; i++) {
      String id = String.format("game-%02d", i);
      dynamoDb.putItem(b -> b.tableName("games").item(java.util.Map.of("id", AttributeValue.fromS(id),
          "players", AttributeValue.fromN("2"), "lobby", AttributeValue.fromM(java.util.Map.of(
              "open", AttributeValue.fromBool(false))))));
    }
    open(stack, "#/table/games");
    waitFor(By.cssSelector("pre.item"));
    assertThat(browser.findElements(By.cssSelector("pre.item"))).hasSize(20);
    assertThat(browser.findElement(By.cssSelector("pre.item")).getText()).contains("\"players\": 2");
    click(By.id("next-page"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("pre.item")).size() == 5);
    HeadlessChromium.screenshot(browser, "console-table");
  }

  private void open(LocalStack stack, String hash) {
    browser.get(stack.endpoint().resolve("/console/") + hash);
  }

  /** Clicks what {@code by} finds, finding it again if a live update replaced it meanwhile. */
  private void click(By by) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
        .until(d -> {
          d.findElement(by).click();
          return true;
        });
  }

  private void waitForText(By by, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(by).getText().contains(text));
  }

  private void waitFor(By by) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  private List<String> stateNodes() {
    return browser.findElements(By.cssSelector("svg.graph g.node.state")).stream()
        .map(e -> e.getDomAttribute("data-state")).collect(Collectors.toList());
  }

  private static String onlyToken() {
    synchronized (TOKENS) {
      assertThat(TOKENS).hasSize(1);
      return TOKENS.get(0);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Picks {@code value} in the select {@code id}, again if a live update re-rendered the select meanwhile. */
  private void choose(String id, String value) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
      new Select(d.findElement(By.id(id))).selectByValue(value);
      return true;
    });
  }
}
