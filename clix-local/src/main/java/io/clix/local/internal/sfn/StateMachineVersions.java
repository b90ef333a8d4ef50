package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State machine versions and aliases: PublishStateMachineVersion (also {@code publish} on Create
 * and Update), List/DeleteStateMachineVersion(s), Create/Describe/Update/Delete/List
 * StateMachineAlias(es), and resolving a qualified ARN ({@code ...:stateMachine:NAME:3} or
 * {@code ...:stateMachine:NAME:ALIAS}) to what an execution runs. A version is an immutable
 * snapshot of the state machine when it was published; an alias routes executions to one or two
 * versions by weight.
 */
final class StateMachineVersions {

  /** What a (possibly qualified) state machine ARN runs. */
  record Resolved(StateMachine machine, String versionArn, String aliasArn) {}

  record Version(String arn, int number, StateMachine snapshot, String description, Instant creationDate) {}

  private static final class Alias {
    final String arn;
    final String name;
    final Instant creationDate;
    volatile String description;
    volatile JsonNode routing;
    volatile Instant updateDate;

    Alias(String arn, String name, String description, JsonNode routing, Instant creationDate) {
      this.arn = arn;
      this.name = name;
      this.description = description;
      this.routing = routing;
      this.creationDate = creationDate;
      this.updateDate = creationDate;
    }
  }

  private final StateMachineOperations machines;
  private final Clock clock;
  private final Random random = new Random();
  private final Map<String, Version> versions = new ConcurrentHashMap<>();
  private final Map<String, Alias> aliases = new ConcurrentHashMap<>();
  private final Map<String, Integer> lastNumber = new ConcurrentHashMap<>();

  StateMachineVersions(StateMachineOperations machines, Clock clock) {
    this.machines = machines;
    this.clock = clock;
  }

  /** Whether {@code arn} is a version or alias this service holds. */
  boolean exists(String arn) {
    return versions.containsKey(arn) || aliases.containsKey(arn);
  }

  // ------------------------------------------------------------------------------ versions

  JsonNode publish(JsonNode request) {
    StateMachine machine = machines.existing(SfnJson.requiredText(request, "stateMachineArn"));
    String description = SfnJson.optionalText(request, "description");
    SfnJson.checkLength("description", description, 0, 256);
    String revisionId = SfnJson.optionalText(request, "revisionId");
    if (revisionId != null && !revisionId.equals(machine.revisionId == null ? "INITIAL" : machine.revisionId)) {
      throw new ServiceError(400, "ConflictException", "Failed to publish the State Machine version for revision "
          + revisionId + ". The current State Machine revision is " + (machine.revisionId == null ? "INITIAL"
          : machine.revisionId) + ".");
    }
    Version version = publish(machine, description);
    ObjectNode out = SfnJson.object();
    out.set("creationDate", SfnJson.timestamp(version.creationDate()));
    out.put("stateMachineVersionArn", version.arn());
    return out;
  }

  /** Publishes the machine's current revision, or answers the version that already holds it. */
  synchronized Version publish(StateMachine machine, String description) {
    Version latest = latest(machine.arn);
    if (latest != null && latest.snapshot().definition.equals(machine.definition)
        && latest.snapshot().roleArn.equals(machine.roleArn)) {
      return latest;
    }
    int number = lastNumber.merge(machine.arn, 1, Integer::sum);
    StateMachine snapshot;
    synchronized (machine) {
      snapshot = new StateMachine(machine.arn, machine.name, machine.type, machine.definition, machine.parsed,
          machine.roleArn, machine.loggingConfiguration, machine.tracingConfiguration, machine.creationDate);
      snapshot.revisionId = machine.revisionId;
    }
    Version version = new Version(machine.arn + ":" + number, number, snapshot, description, clock.instant());
    versions.put(version.arn(), version);
    return version;
  }

  /** The ARN of a version published for {@code machine} (Create/Update with {@code publish}). */
  String publishArn(StateMachine machine, String description) {
    return publish(machine, description).arn();
  }

  private Version latest(String machineArn) {
    Version latest = null;
    for (Version v : versions.values()) {
      if (v.snapshot().arn.equals(machineArn) && (latest == null || v.number() > latest.number())) {
        latest = v;
      }
    }
    return latest;
  }

  JsonNode listVersions(JsonNode request) {
    StateMachine machine = machines.existing(SfnJson.requiredText(request, "stateMachineArn"));
    List<Version> found = new ArrayList<>();
    for (Version v : versions.values()) {
      if (v.snapshot().arn.equals(machine.arn)) {
        found.add(v);
      }
    }
    found.sort((a, b) -> Integer.compare(b.number(), a.number()));
    List<ObjectNode> items = new ArrayList<>();
    for (Version v : found) {
      ObjectNode item = SfnJson.object();
      item.put("stateMachineVersionArn", v.arn());
      item.set("creationDate", SfnJson.timestamp(v.creationDate()));
      items.add(item);
    }
    ObjectNode out = SfnJson.object();
    Pages.page(request, items, out, "stateMachineVersions", "stateMachineVersions");
    return out;
  }

  JsonNode deleteVersion(JsonNode request) {
    String arn = SfnJson.requiredText(request, "stateMachineVersionArn");
    checkQualified(arn);
    synchronized (this) {
      List<String> referencing = new ArrayList<>();
      for (Alias alias : aliases.values()) {
        for (JsonNode route : alias.routing) {
          if (route.path("stateMachineVersionArn").asText().equals(arn)) {
            referencing.add(alias.name);
          }
        }
      }
      if (!referencing.isEmpty()) {
        throw new ServiceError(400, "ConflictException", "Version to be deleted must not be referenced by an alias. "
            + "Current list of aliases referencing this version: " + referencing);
      }
      versions.remove(arn);
    }
    return SfnJson.object();
  }

  /** DescribeStateMachine of a version ARN. */
  JsonNode describeVersion(String arn) {
    Version version = versions.get(arn);
    if (version == null) {
      throw SfnErrors.stateMachineDoesNotExist(arn);
    }
    ObjectNode out = version.snapshot().describe();
    out.put("stateMachineArn", version.arn());
    out.set("creationDate", SfnJson.timestamp(version.creationDate()));
    if (version.description() != null) {
      out.put("description", version.description());
    }
    return out;
  }

  /** Forgets the versions and aliases of a deleted state machine. */
  synchronized void machineDeleted(String machineArn) {
    versions.values().removeIf(v -> v.snapshot().arn.equals(machineArn));
    aliases.keySet().removeIf(arn -> arn.startsWith(machineArn + ":"));
    lastNumber.remove(machineArn);
  }

  // ------------------------------------------------------------------------------- aliases

  JsonNode createAlias(JsonNode request) {
    String name = SfnJson.requiredText(request, "name");
    SfnJson.checkLength("name", name, 1, 80);
    if (!name.matches("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]+")) {
      throw SfnErrors.validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy "
          + "constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$");
    }
    String description = SfnJson.optionalText(request, "description");
    SfnJson.checkLength("description", description, 0, 256);
    JsonNode routing = checkedRouting(request);
    String machineArn = machineOf(routing.get(0).path("stateMachineVersionArn").asText());
    String arn = machineArn + ":" + name;
    Alias alias;
    synchronized (this) {
      Alias existing = aliases.get(arn);
      if (existing != null) {
        if (existing.routing.equals(routing) && java.util.Objects.equals(existing.description, description)) {
          alias = existing;
        } else {
          throw new ServiceError(400, "ConflictException", "Failed to create alias because an alias with the same "
              + "name and a different routing configuration already exists.");
        }
      } else {
        alias = new Alias(arn, name, description, routing, clock.instant());
        aliases.put(arn, alias);
      }
    }
    ObjectNode out = SfnJson.object();
    out.put("stateMachineAliasArn", alias.arn);
    out.set("creationDate", SfnJson.timestamp(alias.creationDate));
    return out;
  }

  JsonNode describeAlias(JsonNode request) {
    Alias alias = existingAlias(SfnJson.requiredText(request, "stateMachineAliasArn"));
    ObjectNode out = SfnJson.object();
    out.put("stateMachineAliasArn", alias.arn);
    out.put("name", alias.name);
    if (alias.description != null) {
      out.put("description", alias.description);
    }
    out.set("routingConfiguration", alias.routing);
    out.set("creationDate", SfnJson.timestamp(alias.creationDate));
    out.set("updateDate", SfnJson.timestamp(alias.updateDate));
    return out;
  }

  JsonNode updateAlias(JsonNode request) {
    Alias alias = existingAlias(SfnJson.requiredText(request, "stateMachineAliasArn"));
    String description = SfnJson.optionalText(request, "description");
    if (description == null && !request.has("routingConfiguration")) {
      throw SfnErrors.validation("Request must contain either description or routingConfiguration");
    }
    SfnJson.checkLength("description", description, 0, 256);
    JsonNode routing = request.has("routingConfiguration") ? checkedRouting(request) : null;
    synchronized (this) {
      if (description != null) {
        alias.description = description;
      }
      if (routing != null) {
        alias.routing = routing;
      }
      alias.updateDate = clock.instant();
    }
    ObjectNode out = SfnJson.object();
    out.set("updateDate", SfnJson.timestamp(alias.updateDate));
    return out;
  }

  JsonNode deleteAlias(JsonNode request) {
    String arn = SfnJson.requiredText(request, "stateMachineAliasArn");
    checkQualified(arn);
    aliases.remove(arn);
    return SfnJson.object();
  }

  JsonNode listAliases(JsonNode request) {
    StateMachine machine = machines.existing(SfnJson.requiredText(request, "stateMachineArn"));
    List<Alias> found = new ArrayList<>();
    for (Alias alias : aliases.values()) {
      if (alias.arn.startsWith(machine.arn + ":")) {
        found.add(alias);
      }
    }
    found.sort((a, b) -> a.creationDate.equals(b.creationDate) ? a.name.compareTo(b.name)
        : a.creationDate.compareTo(b.creationDate));
    List<ObjectNode> items = new ArrayList<>();
    for (Alias alias : found) {
      ObjectNode item = SfnJson.object();
      item.put("stateMachineAliasArn", alias.arn);
      item.set("creationDate", SfnJson.timestamp(alias.creationDate));
      items.add(item);
    }
    ObjectNode out = SfnJson.object();
    Pages.page(request, items, out, "stateMachineAliases", "stateMachineAliases");
    return out;
  }

  private Alias existingAlias(String arn) {
    checkQualified(arn);
    Alias alias = aliases.get(arn);
    if (alias == null) {
      throw resourceNotFound(arn);
    }
    return alias;
  }

  /** One or two routes to existing versions of one state machine, weights 0..100 adding up to 100. */
  private JsonNode checkedRouting(JsonNode request) {
    JsonNode routing = request.get("routingConfiguration");
    if (routing == null || !routing.isArray()) {
      throw SfnErrors.validation("1 validation error detected: Value null at 'routingConfiguration' failed to "
          + "satisfy constraint: Member must not be null");
    }
    if (routing.isEmpty() || routing.size() > 2) {
      // the service model's list bounds (1..2), with the request echoed the way AWS's validator prints it
      List<String> items = new ArrayList<>();
      for (JsonNode route : routing) {
        items.add("RoutingConfigurationListItem(stateMachineVersionArn=" + route.path("stateMachineVersionArn").asText()
            + ", weight=" + route.path("weight").asText() + ")");
      }
      throw SfnErrors.validation("1 validation error detected: Value '" + items + "' at 'routingConfiguration' "
          + "failed to satisfy constraint: Member must have length "
          + (routing.isEmpty() ? "greater than or equal to 1" : "less than or equal to 2"));
    }
    List<String> arns = new ArrayList<>();
    List<String> weights = new ArrayList<>();
    for (JsonNode route : routing) {
      arns.add(route.path("stateMachineVersionArn").asText());
      weights.add(route.path("weight").asText());
    }
    int total = 0;
    String machine = null;
    ArrayNode copy = SfnJson.NODES.arrayNode();
    int position = 0;
    for (JsonNode route : routing) {
      position++;
      String versionArn = route.path("stateMachineVersionArn").asText();
      int weight = route.path("weight").asInt(-1);
      if (weight < 0 || weight > 100) {
        // AWS names the route by its 1-based position and the bound it broke
        throw SfnErrors.validation("1 validation error detected: Value '" + weight + "' at "
            + "'routingConfiguration." + position + ".member.weight' failed to satisfy constraint: Member must have value "
            + (weight < 0 ? "greater than or equal to 0" : "less than or equal to 100"));
      }
      if (versionArn.matches("arn:aws[a-z-]*:states:[^:]*:[0-9]*:stateMachine:[^:]+")) {
        throw SfnErrors.validation("Routing configuration must contain state machine version ARNs. Received: " + arns);
      }
      checkQualified(versionArn);
      if (!versions.containsKey(versionArn)) {
        throw resourceNotFound(versionArn);
      }
      String of = machineOf(versionArn);
      if (machine != null && !machine.equals(of)) {
        throw SfnErrors.validation("Routing configuration must contain state machine versions of the same state machine.");
      }
      if (machine != null && copy.get(0).path("stateMachineVersionArn").asText().equals(versionArn)) {
        throw SfnErrors.validation("Routing configuration must contain distinct state machine version ARNs. Received: "
            + arns);
      }
      machine = of;
      total += weight;
      copy.addObject().put("stateMachineVersionArn", versionArn).put("weight", weight);
    }
    if (total != 100) {
      throw SfnErrors.validation("Sum of routing configuration weights must equal 100. Received: " + weights);
    }
    return copy;
  }

  // ------------------------------------------------------------------------------ resolving

  /** What {@code arn} (unqualified, version or alias) runs; StateMachineDoesNotExist if nothing. */
  Resolved resolve(String arn) {
    if (arn.split(":", -1).length != 8) {
      return new Resolved(machines.existing(arn), null, null);
    }
    checkQualified(arn);
    Version version = versions.get(arn);
    if (version != null) {
      return new Resolved(version.snapshot(), version.arn(), null);
    }
    Alias alias = aliases.get(arn);
    if (alias == null) {
      throw SfnErrors.stateMachineDoesNotExist(arn);
    }
    JsonNode routing = alias.routing;
    int pick = random.nextInt(100);
    JsonNode chosen = routing.get(0);
    if (routing.size() > 1 && pick >= routing.get(0).path("weight").asInt()) {
      chosen = routing.get(1);
    }
    Version routed = versions.get(chosen.path("stateMachineVersionArn").asText());
    if (routed == null) {
      throw SfnErrors.stateMachineDoesNotExist(arn);
    }
    return new Resolved(routed.snapshot(), routed.arn(), alias.arn);
  }

  private static void checkQualified(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length != 8 || !arn.startsWith("arn:") || !parts[2].equals("states") || !parts[5].equals("stateMachine")
        || parts[7].isEmpty()) {
      throw SfnErrors.invalidArn(arn);
    }
  }

  private static String machineOf(String qualifiedArn) {
    return qualifiedArn.substring(0, qualifiedArn.lastIndexOf(':'));
  }

  static ServiceError resourceNotFound(String arn) {
    return new ServiceError(400, "ResourceNotFound", "Resource not found: '" + arn + "'");
  }
}
