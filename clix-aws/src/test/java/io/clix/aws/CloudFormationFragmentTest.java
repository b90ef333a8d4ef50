package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CloudFormationFragmentTest {

  private static ObjectNode fragment(Correlation correlation) {
    return ClixProvisioner.builder()
        .tableName("games").stateMachineName("game-loop").activityPrefix("arena").correlation(correlation)
        .build()
        .cloudFormationFragment();
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theDefinitionIsAnObjectWithReferencesNotAStringWithSubstitutions(Correlation correlation) {
    ObjectNode fragment = fragment(correlation);
    JsonNode properties = fragment.at("/Resources/ClixStateMachine/Properties");

    assertThat(properties.path("Definition").isObject()).isTrue();
    assertThat(properties.has("DefinitionString")).isFalse();
    assertThat(properties.has("DefinitionSubstitutions")).isFalse();
    assertThat(fragment.toString()).doesNotContain("${").doesNotContain("Fn::Sub");
    assertThat(properties.at("/Definition/States/Sync/Parameters/TableName/Ref").asText()).isEqualTo("ClixTable");
    assertThat(properties.at("/Definition/States/LastTimer/Resource/Ref").asText()).isEqualTo("ClixTimerActivity");
    assertThat(properties.path("StateMachineType").asText()).isEqualTo("STANDARD");
    assertThat(properties.path("StateMachineName").asText()).isEqualTo("game-loop");
    assertThat(properties.at("/RoleArn/Fn::GetAtt/0").asText()).isEqualTo("ClixStateMachineRole");
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theDefinitionIsTheOneTheApiDeploysWithReferencesForNames(Correlation correlation) {
    JsonNode inTemplate = fragment(correlation).at("/Resources/ClixStateMachine/Properties/Definition");
    StateMachineDefinition viaApi = StateMachineDefinition.builder()
        .correlation(correlation).tableName("games")
        .activities(new ActivityArns("LOBBY", "ROUND", "TIMERS"))
        .build();

    String resolved = inTemplate.toString()
        .replace("{\"Ref\":\"ClixTable\"}", "\"games\"")
        .replace("{\"Ref\":\"ClixLobbyActivity\"}", "\"LOBBY\"")
        .replace("{\"Ref\":\"ClixRoundActivity\"}", "\"ROUND\"")
        .replace("{\"Ref\":\"ClixTimerActivity\"}", "\"TIMERS\"");
    assertThat(resolved).isEqualTo(viaApi.toJsonString());
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void everyReferenceNamesAResourceOfTheFragmentOrAPseudoParameter(Correlation correlation) {
    ObjectNode fragment = fragment(correlation);
    Set<String> resources = new java.util.HashSet<>();
    fragment.path("Resources").fieldNames().forEachRemaining(resources::add);
    List<String> referenced = new ArrayList<>();
    collectReferences(fragment, referenced);

    assertThat(referenced).isNotEmpty();
    assertThat(referenced).allMatch(name -> resources.contains(name) || name.startsWith("AWS::"));
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theTableHasClixKeyOnDemandBillingAndTtlAndTheThreeActivitiesAreNamedByPrefix(Correlation correlation) {
    JsonNode resources = fragment(correlation).path("Resources");
    JsonNode table = resources.at("/ClixTable/Properties");

    assertThat(resources.at("/ClixTable/Type").asText()).isEqualTo("AWS::DynamoDB::Table");
    assertThat(table.path("TableName").asText()).isEqualTo("games");
    assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
    assertThat(table.path("KeySchema").toString())
        .isEqualTo("[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]");
    assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText()).isEqualTo("expiresAt");
    assertThat(table.at("/TimeToLiveSpecification/Enabled").asBoolean()).isTrue();
    assertThat(List.of(
            resources.at("/ClixLobbyActivity/Properties/Name").asText(),
            resources.at("/ClixRoundActivity/Properties/Name").asText(),
            resources.at("/ClixTimerActivity/Properties/Name").asText()))
        .containsExactly("arena-lobby", "arena-round", "arena-timers");
    assertThat(resources.at("/ClixLobbyActivity/Type").asText()).isEqualTo("AWS::StepFunctions::Activity");
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theRoleMayOnlyUpdateTheTable(Correlation correlation) {
    JsonNode role = fragment(correlation).at("/Resources/ClixStateMachineRole/Properties");

    assertThat(role.at("/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText())
        .isEqualTo("states.amazonaws.com");
    JsonNode statements = role.at("/Policies/0/PolicyDocument/Statement");
    assertThat(statements).hasSize(1);
    assertThat(statements.at("/0/Action").toString()).isEqualTo("[\"dynamodb:UpdateItem\"]");
    assertThat(statements.at("/0/Resource").toString()).isEqualTo("{\"Fn::GetAtt\":[\"ClixTable\",\"Arn\"]}");
  }

  private static void collectReferences(JsonNode node, List<String> into) {
    if (node.isObject()) {
      if (node.has("Ref")) {
        into.add(node.get("Ref").asText());
      }
      if (node.has("Fn::GetAtt")) {
        into.add(node.get("Fn::GetAtt").get(0).asText());
      }
      node.elements().forEachRemaining(child -> collectReferences(child, into));
    } else if (node.isArray()) {
      node.forEach(child -> collectReferences(child, into));
    }
  }
}
