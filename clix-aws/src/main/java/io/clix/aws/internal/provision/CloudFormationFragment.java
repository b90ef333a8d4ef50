package io.clix.aws.internal.provision;

import static io.clix.aws.internal.definition.GameItemSchema.EXPIRES_AT;
import static io.clix.aws.internal.definition.GameItemSchema.PK;
import static io.clix.aws.internal.definition.GameItemSchema.SK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.aws.internal.definition.DefinitionOptions;
import io.clix.aws.internal.definition.GameLoopDefinition;
import io.clix.aws.internal.definition.WaitStyle;
import java.util.List;
import java.util.OptionalInt;

/**
 * A CloudFormation template fragment ({@code Resources} and {@code Outputs}) for a deployment: the
 * table with TTL, the three activities, the state machine role and the state machine, whose
 * {@code Definition} is the generated ASL as a JSON object with {@code Ref}/{@code Fn::GetAtt} where
 * it names the table and the activities (no {@code DefinitionSubstitutions}, no {@code Fn::Sub}),
 * and a managed policy for the backend.
 */
public final class CloudFormationFragment {

  public static final String TABLE = "ClixTable";
  public static final String LOBBY_ACTIVITY = "ClixLobbyActivity";
  public static final String ROUND_ACTIVITY = "ClixRoundActivity";
  public static final String TIMER_ACTIVITY = "ClixTimerActivity";
  public static final String ROLE = "ClixStateMachineRole";
  public static final String STATE_MACHINE = "ClixStateMachine";
  public static final String BACKEND_POLICY = "ClixBackendPolicy";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CloudFormationFragment() {}

  /** The fragment for these names and definition options. */
  public static ObjectNode build(String tableName, String stateMachineName, String activityPrefix,
      WaitStyle waitStyle, OptionalInt heartbeatSeconds, int timerTimeoutSeconds) {
    ActivityNames activityNames = ActivityProvisioner.names(activityPrefix);
    ObjectNode resources = JSON.objectNode();
    resources.set(TABLE, table(tableName));
    resources.set(LOBBY_ACTIVITY, activity(activityNames.lobby()));
    resources.set(ROUND_ACTIVITY, activity(activityNames.round()));
    resources.set(TIMER_ACTIVITY, activity(activityNames.timers()));
    resources.set(ROLE, role());
    ObjectNode definition = GameLoopDefinition.build(new DefinitionOptions(waitStyle, ref(TABLE),
        ref(LOBBY_ACTIVITY), ref(ROUND_ACTIVITY), ref(TIMER_ACTIVITY), heartbeatSeconds, timerTimeoutSeconds));
    resources.set(STATE_MACHINE, stateMachine(stateMachineName, definition));
    resources.set(BACKEND_POLICY, backendPolicy());
    ObjectNode outputs = JSON.objectNode();
    outputs.set("ClixTableName", output(ref(TABLE), "The game table"));
    outputs.set("ClixStateMachineArn", output(ref(STATE_MACHINE), "The game loop state machine"));
    outputs.set("ClixLobbyActivityArn", output(ref(LOBBY_ACTIVITY), "Lobby waits (activities mode)"));
    outputs.set("ClixRoundActivityArn", output(ref(ROUND_ACTIVITY), "Round waits (activities mode)"));
    outputs.set("ClixTimerActivityArn", output(ref(TIMER_ACTIVITY), "Fired timers"));
    outputs.set("ClixBackendPolicyArn", output(ref(BACKEND_POLICY), "Attach to the backend's role"));
    ObjectNode fragment = JSON.objectNode();
    fragment.set("Resources", resources);
    fragment.set("Outputs", outputs);
    return fragment;
  }

  private static ObjectNode table(String tableName) {
    ObjectNode properties = JSON.objectNode().put("TableName", tableName).put("BillingMode", "PAY_PER_REQUEST");
    ArrayNode attributes = properties.putArray("AttributeDefinitions");
    attributes.addObject().put("AttributeName", PK).put("AttributeType", "S");
    attributes.addObject().put("AttributeName", SK).put("AttributeType", "N");
    ArrayNode key = properties.putArray("KeySchema");
    key.addObject().put("AttributeName", PK).put("KeyType", "HASH");
    key.addObject().put("AttributeName", SK).put("KeyType", "RANGE");
    properties.putObject("TimeToLiveSpecification").put("AttributeName", EXPIRES_AT).put("Enabled", true);
    properties.putObject("StreamSpecification").put("StreamViewType", TableProvisioner.STREAM_VIEW_TYPE);
    return resource("AWS::DynamoDB::Table", properties);
  }

  private static ObjectNode activity(String name) {
    return resource("AWS::StepFunctions::Activity", JSON.objectNode().put("Name", name));
  }

  private static ObjectNode role() {
    ObjectNode properties = JSON.objectNode();
    properties.set("AssumeRolePolicyDocument", IamPolicyDocuments.stepFunctionsTrust());
    ObjectNode policy = properties.putArray("Policies").addObject().put("PolicyName", "clix-game-table");
    policy.set("PolicyDocument", IamPolicyDocuments.stateMachineRole(getAtt(TABLE, "Arn")));
    return resource("AWS::IAM::Role", properties);
  }

  private static ObjectNode stateMachine(String name, ObjectNode definition) {
    ObjectNode properties = JSON.objectNode().put("StateMachineName", name).put("StateMachineType", "STANDARD");
    properties.set("RoleArn", getAtt(ROLE, "Arn"));
    properties.set("Definition", definition);
    return resource("AWS::StepFunctions::StateMachine", properties);
  }

  private static ObjectNode backendPolicy() {
    ArrayNode executionArn = JSON.arrayNode();
    executionArn.add("arn").add(ref("AWS::Partition")).add("states").add(ref("AWS::Region"))
        .add(ref("AWS::AccountId")).add("execution").add(getAtt(STATE_MACHINE, "Name")).add("*");
    ObjectNode join = JSON.objectNode();
    join.putArray("Fn::Join").add(":").add(executionArn);
    ObjectNode properties = JSON.objectNode().put("Description", "What a Clix backend may do: the game table, "
        + "starting and stopping game executions, polling the activities, completing task tokens.");
    properties.set("PolicyDocument", IamPolicyDocuments.backend(getAtt(TABLE, "Arn"), ref(STATE_MACHINE), join,
        List.of(ref(LOBBY_ACTIVITY), ref(ROUND_ACTIVITY), ref(TIMER_ACTIVITY))));
    return resource("AWS::IAM::ManagedPolicy", properties);
  }

  private static ObjectNode resource(String type, ObjectNode properties) {
    ObjectNode resource = JSON.objectNode().put("Type", type);
    resource.set("Properties", properties);
    return resource;
  }

  private static ObjectNode output(JsonNode value, String description) {
    ObjectNode output = JSON.objectNode().put("Description", description);
    output.set("Value", value);
    return output;
  }

  private static ObjectNode ref(String logicalId) {
    return JSON.objectNode().put("Ref", logicalId);
  }

  private static ObjectNode getAtt(String logicalId, String attribute) {
    ObjectNode getAtt = JSON.objectNode();
    getAtt.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return getAtt;
  }
}
