package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.VariableReferences;
import java.time.Instant;

/** A state machine as the API describes it; updates replace the definition for new executions. */
final class StateMachine {

  final String arn;
  final String name;
  final String type;
  final Instant creationDate;
  volatile String definition;
  volatile JsonNode parsed;
  volatile String roleArn;
  volatile JsonNode loggingConfiguration;
  volatile JsonNode tracingConfiguration;
  volatile Instant updateDate;
  volatile String revisionId;

  StateMachine(String arn, String name, String type, String definition, JsonNode parsed, String roleArn,
      JsonNode loggingConfiguration, JsonNode tracingConfiguration, Instant creationDate) {
    this.arn = arn;
    this.name = name;
    this.type = type;
    this.definition = definition;
    this.parsed = parsed;
    this.roleArn = roleArn;
    this.loggingConfiguration = loggingConfiguration;
    this.tracingConfiguration = tracingConfiguration;
    this.creationDate = creationDate;
  }

  ObjectNode describe() {
    ObjectNode out = SfnJson.object();
    out.put("stateMachineArn", arn);
    out.put("name", name);
    out.put("status", "ACTIVE");
    out.put("definition", definition);
    out.put("roleArn", roleArn);
    out.put("type", type);
    out.set("creationDate", SfnJson.timestamp(creationDate));
    out.set("loggingConfiguration", loggingConfiguration);
    out.set("tracingConfiguration", tracingConfiguration);
    if (revisionId != null) {
      out.put("revisionId", revisionId);
    }
    if (parsed != null) {
      ObjectNode references = VariableReferences.of(parsed);
      if (!references.isEmpty()) {
        out.set("variableReferences", references);
      }
    }
    return out;
  }

  ObjectNode listItem() {
    ObjectNode out = SfnJson.object();
    out.put("stateMachineArn", arn);
    out.put("name", name);
    out.put("type", type);
    out.set("creationDate", SfnJson.timestamp(creationDate));
    return out;
  }
}
