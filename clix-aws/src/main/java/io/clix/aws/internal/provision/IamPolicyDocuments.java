package io.clix.aws.internal.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The least-privilege IAM policy documents of a deployment. Resources are JSON values so they can be
 * literal ARNs or CloudFormation intrinsics.
 *
 * <ul>
 *   <li>State machine role: {@code dynamodb:UpdateItem} ({@code Sync}, callback waits, timer markers)
 *       on the table only. Activity tasks need no permission of the role.
 *   <li>Backend: GetItem, Query, PutItem, UpdateItem on the table (TransactWriteItems is not an IAM
 *       action: each Put/Update inside a transaction is authorized as PutItem/UpdateItem);
 *       {@code states:StartExecution} on the state machine; {@code states:DescribeExecution} and
 *       {@code states:StopExecution} on its executions; {@code states:GetActivityTask} on the three
 *       activities; {@code states:SendTaskSuccess/Failure/Heartbeat} on {@code "*"}, as the Service
 *       Authorization Reference lists no resource type for them (a task token is not an ARN).
 * </ul>
 */
public final class IamPolicyDocuments {

  /** The actions the state machine role is given on the table. */
  public static final List<String> STATE_MACHINE_TABLE_ACTIONS = List.of("dynamodb:UpdateItem");
  /** The actions the backend is given on the table. */
  public static final List<String> BACKEND_TABLE_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem");
  /** The actions the backend is given to read the table's stream ({@code GameEventStream}). */
  public static final List<String> BACKEND_STREAM_ACTIONS = List.of("dynamodb:DescribeStream", "dynamodb:DescribeTable",
      "dynamodb:GetRecords", "dynamodb:GetShardIterator");
  /** The actions the backend is given on the executions of the state machine. */
  public static final List<String> BACKEND_EXECUTION_ACTIONS = List.of("states:DescribeExecution", "states:StopExecution");
  /** The task-token actions, which take no resource-level permission. */
  public static final List<String> BACKEND_TOKEN_ACTIONS =
      List.of("states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private IamPolicyDocuments() {}

  /** The state machine role's policy. */
  public static ObjectNode stateMachineRole(JsonNode tableArn) {
    return document(statement("ClixGameTable", STATE_MACHINE_TABLE_ACTIONS, tableArn));
  }

  /** The backend's policy (every orchestrator instance and its task router). */
  public static ObjectNode backend(JsonNode tableArn, JsonNode stateMachineArn, JsonNode executionArns,
      List<JsonNode> activityArns) {
    ArrayNode activities = JSON.arrayNode();
    activityArns.forEach(activities::add);
    return document(
        statement("ClixGameTable", BACKEND_TABLE_ACTIONS, tableArn),
        statement("ClixReadGameStream", BACKEND_STREAM_ACTIONS, tableAndStreams(tableArn)),
        statement("ClixStartGames", List.of("states:StartExecution"), stateMachineArn),
        statement("ClixGameExecutions", BACKEND_EXECUTION_ACTIONS, executionArns),
        statement("ClixPollActivities", List.of("states:GetActivityTask"), activities),
        statement("ClixCompleteTasks", BACKEND_TOKEN_ACTIONS, JSON.textNode("*")));
  }

  private static ArrayNode tableAndStreams(JsonNode tableArn) {
    ArrayNode both = JSON.arrayNode().add(tableArn);
    if (tableArn.isTextual()) {
      both.add(tableArn.asText() + "/stream/*");
    } else {
      ArrayNode parts = JSON.arrayNode().add(tableArn).add("/stream/*");
      both.addObject().putArray("Fn::Join").add("").add(parts);
    }
    return both;
  }

  /** The trust policy letting Step Functions assume the state machine role. */
  public static ObjectNode stepFunctionsTrust() {
    ObjectNode statement = JSON.objectNode().put("Effect", "Allow");
    statement.set("Principal", JSON.objectNode().put("Service", "states.amazonaws.com"));
    statement.put("Action", "sts:AssumeRole");
    return document(statement);
  }

  private static ObjectNode document(ObjectNode... statements) {
    ObjectNode document = JSON.objectNode().put("Version", "2012-10-17");
    ArrayNode all = document.putArray("Statement");
    for (ObjectNode statement : statements) {
      all.add(statement);
    }
    return document;
  }

  private static ObjectNode statement(String sid, List<String> actions, JsonNode resource) {
    ObjectNode statement = JSON.objectNode().put("Sid", sid).put("Effect", "Allow");
    ArrayNode actionArray = statement.putArray("Action");
    actions.forEach(actionArray::add);
    statement.set("Resource", resource.deepCopy());
    return statement;
  }
}
