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
  private static final List<String> WAITS = List.of("Lobby", "LobbyAfterTimer", "Round", "RoundAfterTimer");

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
  void theLoopRunsSyncRouteWaitTimerMarkerTimerSync(Correlation correlation) {
    AslGraph graph = new AslGraph(definition(correlation).build().toJson());

    assertThat(graph.reachable()).first().isEqualTo("Sync");
    assertThat(graph.targets("Sync")).containsExactly("Route");
    assertThat(graph.targets("Route")).contains("Lobby", "LobbyAfterTimer", "RoundCheck", "Done", "UnknownGame");
    assertThat(graph.targets("RoundRoute")).contains("Round", "RoundAfterTimer", "Sync");
    assertThat(graph.catchers("Lobby")).contains("States.Timeout -> LobbyTimer");
    assertThat(graph.catchers("Round")).contains("States.Timeout -> RoundTimer");
    assertThat(graph.targets("LobbyTimer")).containsExactly("Timer");
    assertThat(graph.targets("RoundTimer")).containsExactly("Timer");
    assertThat(graph.targets("Timer")).containsOnly("Sync");
    assertThat(graph.state("Done").path("Type").asText()).isEqualTo("Succeed");
  }

  @Test
  void callbackWaitsStoreTheirOwnTokenConditionallyAndCatchTheLostRace() {
    AslGraph graph = new AslGraph(definition(Correlation.CALLBACKS).build().toJson());

    for (String wait : WAITS) {
      JsonNode state = graph.state(wait);
      assertThat(state.path("Resource").asText())
          .isEqualTo("arn:aws:states:::aws-sdk:dynamodb:updateItem.waitForTaskToken");
      JsonNode parameters = state.path("Parameters");
      assertThat(parameters.path("TableName").asText()).isEqualTo("clix-games");
      assertThat(parameters.path("Key").path("pk").path("S.$").asText()).isEqualTo("$.gameId");
      assertThat(parameters.path("ExpressionAttributeValues").path(":t").path("S.$").asText())
          .isEqualTo("$$.Task.Token");
      assertThat(parameters.path("ConditionExpression").asText()).startsWith("#s = :status");
      assertThat(state.has("ResultPath")).isTrue();
      assertThat(state.get("ResultPath").isNull()).as("%s keeps its input", wait).isTrue();
      assertThat(graph.catchers(wait)).first().isEqualTo("DynamoDb.ConditionalCheckFailedException -> Sync");
      assertThat(graph.retriedErrors(wait)).allMatch(error -> error.startsWith("DynamoDb."));
      assertThat(state.has("HeartbeatSeconds")).isFalse();
    }
    assertThat(graph.state("Round").path("Parameters").path("ConditionExpression").asText())
        .isEqualTo("#s = :status AND #r = :n");
  }

  @Test
  void activityWaitsNameTheirGameAndWaitingPoint() {
    AslGraph graph = new AslGraph(definition(Correlation.ACTIVITIES).heartbeatSeconds(30).build().toJson());

    assertThat(graph.state("Lobby").path("Resource").asText()).isEqualTo(ARNS.lobby());
    assertThat(graph.state("Lobby").path("Parameters").path("waitPoint").asText()).isEqualTo("lobby");
    assertThat(graph.state("Round").path("Resource").asText()).isEqualTo(ARNS.round());
    assertThat(graph.state("Round").path("Parameters").path("waitPoint.$").asText()).isEqualTo("$.wait.point");
    for (String wait : WAITS) {
      JsonNode state = graph.state(wait);
      assertThat(state.path("Parameters").path("gameId.$").asText()).isEqualTo("$.gameId");
      assertThat(state.path("HeartbeatSeconds").asInt()).isEqualTo(30);
      assertThat(graph.catchers(wait)).startsWith("States.HeartbeatTimeout -> Sync", "Clix.WrongWaitPoint -> Sync");
    }
  }

  @Test
  void withoutHeartbeatSecondsNoWaitHeartbeats() {
    AslGraph graph = new AslGraph(definition(Correlation.ACTIVITIES).build().toJson());

    for (String wait : WAITS) {
      assertThat(graph.state(wait).has("HeartbeatSeconds")).isFalse();
      assertThat(graph.catchers(wait)).noneMatch(c -> c.startsWith("States.HeartbeatTimeout"));
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void onlyTheFirstWaitOfAPointHasATimer(Correlation correlation) {
    AslGraph graph = new AslGraph(definition(correlation).build().toJson());

    assertThat(graph.state("Lobby").path("TimeoutSecondsPath").asText()).isEqualTo("$.lobbyTimeoutSeconds");
    assertThat(graph.state("Round").path("TimeoutSecondsPath").asText()).isEqualTo("$.roundTimeoutSeconds");
    for (String untimed : List.of("LobbyAfterTimer", "RoundAfterTimer")) {
      assertThat(graph.state(untimed).has("TimeoutSecondsPath")).isFalse();
      assertThat(graph.state(untimed).has("TimeoutSeconds")).isFalse();
      assertThat(graph.catchers(untimed)).noneMatch(c -> c.startsWith("States.Timeout"));
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void timerMarkersKeepTheFirstFiringAndTheTimerTaskUsesTheTimerActivity(Correlation correlation) {
    AslGraph graph = new AslGraph(definition(correlation).timerTaskTimeoutSeconds(120).build().toJson());

    for (String marker : List.of("LobbyTimer", "RoundTimer")) {
      JsonNode parameters = graph.state(marker).path("Parameters");
      assertThat(graph.state(marker).path("Resource").asText()).isEqualTo("arn:aws:states:::dynamodb:updateItem");
      assertThat(parameters.path("UpdateExpression").asText()).isEqualTo("SET #f.#k = if_not_exists(#f.#k, :at)");
      assertThat(parameters.path("ExpressionAttributeValues").path(":at").path("S.$").asText())
          .isEqualTo("$$.State.EnteredTime");
      assertThat(graph.retriedErrors(marker)).contains("DynamoDB.ProvisionedThroughputExceededException");
    }
    JsonNode timer = graph.state("Timer");
    assertThat(timer.path("Resource").asText()).isEqualTo(ARNS.timers());
    assertThat(timer.path("TimeoutSeconds").asInt()).isEqualTo(120);
    assertThat(timer.path("Parameters").path("timer.$").asText()).isEqualTo("$.wait.point");
  }

  @Test
  void syncReadsConsistentlyOnlyWhatTheRouteNeeds() {
    JsonNode sync = new AslGraph(definition(Correlation.CALLBACKS).build().toJson()).state("Sync");

    assertThat(sync.path("Resource").asText()).isEqualTo("arn:aws:states:::dynamodb:getItem");
    assertThat(sync.path("Parameters").path("ConsistentRead").asBoolean()).isTrue();
    assertThat(sync.path("Parameters").path("ProjectionExpression").asText()).doesNotContain("waitToken");
    assertThat(sync.path("Parameters").path("ExpressionAttributeNames").toString()).doesNotContain("waitToken");
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
