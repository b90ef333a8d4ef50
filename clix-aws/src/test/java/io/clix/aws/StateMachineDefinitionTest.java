package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateMachineDefinitionTest {

  private static final ActivityArns ARNS = new ActivityArns(
      "arn:aws:states:us-east-1:123456789012:activity:clix-lobby",
      "arn:aws:states:us-east-1:123456789012:activity:clix-round",
      "arn:aws:states:us-east-1:123456789012:activity:clix-timers");
  private static final Set<String> TERMINAL_TYPES = Set.of("Succeed", "Fail");
  private static final List<String> WAITS = List.of("Lobby", "Clock", "LobbyQuiet");

  private static StateMachineDefinition.Builder definition(Correlation correlation) {
    return StateMachineDefinition.builder().correlation(correlation).tableName("clix-games").activities(ARNS);
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void everyTransitionNamesAStateAndEveryStateIsReachable(Correlation correlation) {
    AslGraph graph = new AslGraph(definition(correlation).build().toJson());

    for (String name : graph.stateNames()) {
      assertThat(graph.stateNames()).as("targets of %s", name).containsAll(graph.targets(name));
      String type = graph.state(name).path("Type").asText();
      if (TERMINAL_TYPES.contains(type)) {
        assertThat(graph.targets(name)).as("%s is terminal", name).isEmpty();
      } else if (type.equals("Choice")) {
        assertThat(graph.state(name).has("Default")).as("%s has a Default", name).isTrue();
      } else {
        assertThat(graph.state(name).has("Next")).as("%s has a Next", name).isTrue();
      }
    }
    assertThat(graph.reachable()).containsExactlyInAnyOrderElementsOf(graph.stateNames());
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theLoopRunsSyncRouteWaitDueFireSync(Correlation correlation) {
    AslGraph graph = new AslGraph(definition(correlation).build().toJson());

    assertThat(graph.reachable()).first().isEqualTo("Sync");
    assertThat(graph.targets("Sync")).containsExactlyInAnyOrder("Route", "UnknownGame");
    assertThat(graph.targets("Route")).contains("Lobby", "Clock", "LobbyQuiet", "ClockQuiet", "LastTimer", "Done",
        "UnknownGame", "BadGameItem");
    for (String wait : WAITS) {
      assertThat(graph.state(wait).path("Type").asText()).isEqualTo("Parallel");
      assertThat(graph.catchers(wait)).containsExactly("Clix.Deadline -> Due", "States.ALL -> Sync");
    }
    assertThat(graph.targets("ClockQuiet")).containsExactly("Due");
    assertThat(graph.targets("Due")).containsExactly("Fire");
    assertThat(graph.targets("Fire")).containsOnly("Sync");
    assertThat(graph.targets("LastTimer")).containsOnly("Done");
    assertThat(graph.state("Done").path("Type").asText()).isEqualTo("Succeed");
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void everyWaitEndsAtTheAnnouncedInstantOfTheScheduleHead(Correlation correlation) {
    AslGraph graph = new AslGraph(definition(correlation).build().toJson());

    for (String wait : WAITS) {
      AslGraph clock = new AslGraph(graph.state(wait).path("Branches").get(0));
      JsonNode first = clock.state(clock.reachable().iterator().next());
      assertThat(first.path("Type").asText()).isEqualTo("Wait");
      assertThat(first.path("TimestampPath").asText()).isEqualTo("$.game.Item.schedule.L[0].M.t.S");
      String due = first.path("Next").asText();
      assertThat(clock.state(due).path("Type").asText()).isEqualTo("Fail");
      assertThat(clock.state(due).path("Error").asText()).isEqualTo("Clix.Deadline");
    }
    JsonNode lobbyWait = lobbyWait(graph);
    assertThat(lobbyWait.path("TimeoutSecondsPath").asText()).isEqualTo("$.roundTimeoutSeconds");
    assertThat(lobbyWait.path("Catch").get(0).path("ErrorEquals").get(0).asText()).isEqualTo("States.ALL");
  }

  @Test
  void theCallbackLobbyWaitStoresItsOwnTokenConditionally() {
    JsonNode state = lobbyWait(new AslGraph(definition(Correlation.CALLBACKS).build().toJson()));

    assertThat(state.path("Resource").asText()).isEqualTo("arn:aws:states:::aws-sdk:dynamodb:updateItem.waitForTaskToken");
    JsonNode parameters = state.path("Parameters");
    assertThat(parameters.path("TableName").asText()).isEqualTo("clix-games");
    assertThat(parameters.path("Key").path("pk").path("S.$").asText()).isEqualTo("$.gameId");
    assertThat(parameters.path("ExpressionAttributeValues").path(":t").path("S.$").asText()).isEqualTo("$$.Task.Token");
    assertThat(parameters.path("ConditionExpression").asText()).isEqualTo("#s = :status");
    assertThat(state.has("HeartbeatSeconds")).isFalse();
  }

  @Test
  void theActivityLobbyWaitNamesItsGameAndWaitingPoint() {
    JsonNode state = lobbyWait(new AslGraph(definition(Correlation.ACTIVITIES).heartbeatSeconds(30).build().toJson()));

    assertThat(state.path("Resource").asText()).isEqualTo(ARNS.lobby());
    assertThat(state.path("Parameters").path("waitPoint").asText()).isEqualTo("lobby");
    assertThat(state.path("Parameters").path("gameId.$").asText()).isEqualTo("$.gameId");
    assertThat(state.path("HeartbeatSeconds").asInt()).isEqualTo(30);
  }

  @Test
  void withoutHeartbeatSecondsNoWaitHeartbeats() {
    JsonNode state = lobbyWait(new AslGraph(definition(Correlation.ACTIVITIES).build().toJson()));

    assertThat(state.has("HeartbeatSeconds")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void fireRecordsTheAnnouncedInstantOnlyIfTheHeadIsStillTheOneRead(Correlation correlation) {
    AslGraph graph = new AslGraph(definition(correlation).build().toJson());

    JsonNode fire = graph.state("Fire");
    JsonNode parameters = fire.path("Parameters");
    assertThat(fire.path("Resource").asText()).isEqualTo("arn:aws:states:::dynamodb:updateItem");
    assertThat(parameters.path("UpdateExpression").asText())
        .isEqualTo("SET #f.#k = :t, #s = :s, #r = :r, #p = :n, #w = :zero REMOVE #sch[0]");
    assertThat(parameters.path("ConditionExpression").asText()).isEqualTo(
        "#sch[0].#tp = :k AND #sch[0].#tt = :t AND #sch[0].#ts = :s AND #sch[0].#tr = :r AND #sch[0].#tn = :n");
    assertThat(parameters.path("ExpressionAttributeValues").path(":t").path("S.$").asText())
        .isEqualTo("$.game.Item.schedule.L[0].M.t.S");
    assertThat(graph.catchers("Fire")).containsExactly("DynamoDB.ConditionalCheckFailedException -> Sync");
    assertThat(fire.path("Retry").get(0).path("MaxAttempts").asInt()).isZero();
    assertThat(graph.retriedErrors("Fire")).contains("DynamoDB.ProvisionedThroughputExceededException");
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theTimerTasksUseTheTimerActivityAndTheTimeout(Correlation correlation) {
    AslGraph graph = new AslGraph(definition(correlation).timerTaskTimeoutSeconds(120).build().toJson());

    AslGraph announce = new AslGraph(graph.state("Clock").path("Branches").get(1));
    for (JsonNode timer : List.of(graph.state("LastTimer"), announce.state("Announce"))) {
      assertThat(timer.path("Resource").asText()).isEqualTo(ARNS.timers());
      assertThat(timer.path("TimeoutSeconds").asInt()).isEqualTo(120);
      assertThat(timer.path("Parameters").path("timer.$").asText()).isEqualTo("$.wait.point");
    }
  }

  private static JsonNode lobbyWait(AslGraph graph) {
    AslGraph wake = new AslGraph(graph.state("Lobby").path("Branches").get(1));
    return wake.state(wake.reachable().iterator().next());
  }

  @Test
  void syncReadsWhatTheRouteNeedsAndCountsReturnsToTheSameHeadNeverTheToken() {
    JsonNode sync = new AslGraph(definition(Correlation.CALLBACKS).build().toJson()).state("Sync");

    assertThat(sync.path("Resource").asText()).isEqualTo("arn:aws:states:::dynamodb:updateItem");
    assertThat(sync.path("Parameters").path("UpdateExpression").asText())
        .isEqualTo("SET #s = #s, #r = #r, #sch = #sch ADD #w :one");
    assertThat(sync.path("Parameters").path("ConditionExpression").asText()).isEqualTo("attribute_exists(#s)");
    assertThat(sync.path("Parameters").path("ReturnValues").asText()).isEqualTo("UPDATED_NEW");
    assertThat(sync.path("Parameters").path("ExpressionAttributeNames").toString()).doesNotContain("waitToken");
    JsonNode fire = new AslGraph(definition(Correlation.CALLBACKS).build().toJson()).state("Fire");
    assertThat(fire.path("Parameters").path("UpdateExpression").asText()).contains("#w = :zero");
  }

  @Test
  void toJsonIsACopyAndTheStringIsTheSameDocument() throws Exception {
    StateMachineDefinition definition = definition(Correlation.CALLBACKS).build();
    ObjectNode json = definition.toJson();
    json.remove("States");

    assertThat(definition.toJson().has("States")).isTrue();
    assertThat(new ObjectMapper().readTree(definition.toJsonString())).isEqualTo(definition.toJson());
    assertThat(definition.toBuilder().build()).isEqualTo(definition);
    assertThat(definition.toBuilder().correlation(Correlation.ACTIVITIES).build()).isNotEqualTo(definition);
  }

  @Test
  void refusesMissingOrInvalidOptions() {
    assertThatThrownBy(() -> StateMachineDefinition.builder().activities(ARNS).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("tableName");
    assertThatThrownBy(() -> StateMachineDefinition.builder().tableName("t!"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateMachineDefinition.builder().heartbeatSeconds(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
