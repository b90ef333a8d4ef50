package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.DefinitionValidator;
import io.clix.local.internal.sfn.asl.Diagnostic;
import io.clix.local.internal.sfn.asl.ExpressChecks;
import io.clix.local.internal.sfn.asl.InvalidDefinitionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state machine operations: Create (idempotent for an identical request), Describe, Update,
 * Delete, List, and ValidateStateMachineDefinition.
 */
final class StateMachineOperations {

  private final Arns arns;
  private final Clock clock;
  final Map<String, StateMachine> machines = new ConcurrentHashMap<>();

  StateMachineOperations(Arns arns, Clock clock) {
    this.arns = arns;
    this.clock = clock;
  }

  /** The state machine of {@code arn} (checked), or StateMachineDoesNotExist. */
  StateMachine existing(String arn) {
    Arns.check(arn, "stateMachine");
    StateMachine machine = machines.get(arn);
    if (machine == null) {
      throw SfnErrors.stateMachineDoesNotExist(arn);
    }
    return machine;
  }

  /** Parses and checks a definition, with InvalidDefinition naming the problem. */
  static JsonNode parseDefinition(String definition) {
    try {
      DefinitionValidator.check(definition);
    } catch (InvalidDefinitionException e) {
      throw SfnErrors.invalidDefinition(e.getMessage());
    }
    JsonNode parsed = SfnJson.parseOrNull(definition);
    if (parsed == null || !parsed.isObject()) {
      throw SfnErrors.invalidDefinition("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
          + "The definition is not a valid JSON object.'");
    }
    return parsed;
  }

  /** An EXPRESS machine may not hold activities, .sync or .waitForTaskToken tasks: InvalidDefinition. */
  private static void checkExpress(String type, JsonNode parsed) {
    if ("EXPRESS".equals(type)) {
      List<Diagnostic> found = ExpressChecks.validate(parsed);
      if (!found.isEmpty()) {
        throw SfnErrors.invalidDefinition(DefinitionValidator.message(found));
      }
    }
  }

  JsonNode create(JsonNode request) {
    String name = SfnJson.requiredText(request, "name");
    String definition = SfnJson.requiredText(request, "definition");
    String roleArn = SfnJson.requiredText(request, "roleArn");
    SfnJson.checkLength("name", name, 1, 80);
    SfnJson.checkLength("roleArn", roleArn, 1, 256);
    SfnJson.checkLength("definition", definition, 1, 1_048_576);
    Arns.checkName(name);
    if (!roleArn.startsWith("arn:")) {
      throw SfnErrors.invalidArn(roleArn);
    }
    String type = SfnJson.optionalText(request, "type");
    if (type == null) {
      type = "STANDARD";
    } else if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
      throw SfnErrors.validation("1 validation error detected: Value '" + type + "' at 'type' failed to "
          + "satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }
    JsonNode parsed = parseDefinition(definition);
    checkExpress(type, parsed);
    JsonNode logging = request.hasNonNull("loggingConfiguration") ? request.get("loggingConfiguration")
        : defaultLogging();
    JsonNode tracing = request.hasNonNull("tracingConfiguration") ? request.get("tracingConfiguration")
        : defaultTracing();
    String arn = arns.stateMachine(name);
    StateMachine created = new StateMachine(arn, name, type, definition, parsed, roleArn, logging, tracing,
        clock.instant());
    StateMachine machine = machines.putIfAbsent(arn, created);
    if (machine != null) {
      boolean same = machine.definition.equals(definition) && machine.roleArn.equals(roleArn)
          && machine.type.equals(type) && Objects.equals(machine.loggingConfiguration, logging);
      if (!same) {
        throw SfnErrors.stateMachineAlreadyExists(arn);
      }
    } else {
      machine = created;
    }
    ObjectNode out = SfnJson.object();
    out.put("stateMachineArn", machine.arn);
    out.set("creationDate", SfnJson.timestamp(machine.creationDate));
    return out;
  }

  private static ObjectNode defaultLogging() {
    ObjectNode logging = SfnJson.object();
    logging.put("level", "OFF");
    logging.put("includeExecutionData", false);
    return logging;
  }

  private static ObjectNode defaultTracing() {
    ObjectNode tracing = SfnJson.object();
    tracing.put("enabled", false);
    return tracing;
  }

  JsonNode describe(JsonNode request) {
    return existing(SfnJson.requiredText(request, "stateMachineArn")).describe();
  }

  JsonNode update(JsonNode request) {
    StateMachine machine = existing(SfnJson.requiredText(request, "stateMachineArn"));
    String definition = SfnJson.optionalText(request, "definition");
    String roleArn = SfnJson.optionalText(request, "roleArn");
    JsonNode logging = request.get("loggingConfiguration");
    JsonNode tracing = request.get("tracingConfiguration");
    if (definition == null && roleArn == null && logging == null && tracing == null) {
      throw SfnErrors.validation("Request must contain either definition, roleArn, loggingConfiguration "
          + "or tracingConfiguration");
    }
    JsonNode parsed = definition == null ? null : parseDefinition(definition);
    if (parsed != null) {
      checkExpress(machine.type, parsed);
    }
    synchronized (machine) {
      if (definition != null) {
        machine.definition = definition;
        machine.parsed = parsed;
      }
      if (roleArn != null) {
        machine.roleArn = roleArn;
      }
      if (logging != null && !logging.isNull()) {
        machine.loggingConfiguration = logging;
      }
      if (tracing != null && !tracing.isNull()) {
        machine.tracingConfiguration = tracing;
      }
      machine.updateDate = clock.instant();
      machine.revisionId = UUID.randomUUID().toString();
      ObjectNode out = SfnJson.object();
      out.set("updateDate", SfnJson.timestamp(machine.updateDate));
      out.put("revisionId", machine.revisionId);
      return out;
    }
  }

  JsonNode delete(JsonNode request) {
    String arn = SfnJson.requiredText(request, "stateMachineArn");
    Arns.check(arn, "stateMachine");
    machines.remove(arn);
    return SfnJson.object();
  }

  JsonNode list(JsonNode request) {
    List<StateMachine> all = new ArrayList<>(machines.values());
    all.sort(Comparator.comparing((StateMachine m) -> m.creationDate).thenComparing(m -> m.name));
    List<ObjectNode> items = new ArrayList<>();
    for (StateMachine machine : all) {
      items.add(machine.listItem());
    }
    ObjectNode out = SfnJson.object();
    Pages.page(request, items, out, "stateMachines", "stateMachines");
    return out;
  }

  JsonNode validate(JsonNode request) {
    String definition = SfnJson.requiredText(request, "definition");
    ObjectNode out = SfnJson.object();
    ArrayNode diagnostics = SfnJson.NODES.arrayNode();
    boolean failed = false;
    List<Diagnostic> found = new ArrayList<>(DefinitionValidator.validate(definition));
    if (found.isEmpty() && "EXPRESS".equals(SfnJson.optionalText(request, "type"))) {
      found.addAll(ExpressChecks.validate(SfnJson.parseOrNull(definition)));
    }
    for (Diagnostic diagnostic : found) {
      ObjectNode d = diagnostics.addObject();
      d.put("severity", diagnostic.severity());
      d.put("code", diagnostic.code());
      d.put("message", diagnostic.message());
      if (diagnostic.location() != null) {
        d.put("location", diagnostic.location());
      }
      failed |= "ERROR".equals(diagnostic.severity());
    }
    out.put("result", failed ? "FAIL" : "OK");
    out.set("diagnostics", diagnostics);
    out.put("truncated", false);
    return out;
  }
}
