package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Tags on state machines, activities, versions and aliases: TagResource, UntagResource,
 * ListTagsForResource and the {@code tags} of CreateStateMachine/CreateActivity, with AWS's
 * limits (keys 1..128, values 0..256 characters, 50 tags a resource).
 */
final class ResourceTags {

  private static final int MAX_TAGS = 50;

  private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
  private final Predicate<String> exists;

  /** Tags the resources {@code exists} knows; others answer ResourceNotFound. */
  ResourceTags(Predicate<String> exists) {
    this.exists = exists;
  }

  JsonNode tag(JsonNode request) {
    String arn = existing(SfnJson.requiredText(request, "resourceArn"));
    add(arn, request.get("tags"));
    return SfnJson.object();
  }

  /** Adds a request's {@code tags} list to {@code arn} (Create* requests; absent adds nothing). */
  void add(String arn, JsonNode list) {
    if (list == null || list.isNull()) {
      return;
    }
    Map<String, String> added = new LinkedHashMap<>();
    for (JsonNode tag : list) {
      String key = tag.path("key").asText(null);
      String value = tag.path("value").asText("");
      if (key == null || key.isEmpty() || key.length() > 128) {
        throw SfnErrors.validation("1 validation error detected: Value at 'tags.member.key' failed to satisfy "
            + "constraint: Member must have length between 1 and 128");
      }
      if (value.length() > 256) {
        throw SfnErrors.validation("1 validation error detected: Value at 'tags.member.value' failed to satisfy "
            + "constraint: Member must have length less than or equal to 256");
      }
      added.put(key, value);
    }
    synchronized (this) {
      Map<String, String> current = tags.computeIfAbsent(arn, k -> new LinkedHashMap<>());
      Map<String, String> merged = new LinkedHashMap<>(current);
      merged.putAll(added);
      if (merged.size() > MAX_TAGS) {
        throw new io.clix.local.internal.http.ServiceError(400, "TooManyTags",
            "Too many tags are provided. A resource can have a maximum of " + MAX_TAGS + " tags.");
      }
      current.putAll(added);
    }
  }

  JsonNode untag(JsonNode request) {
    String arn = existing(SfnJson.requiredText(request, "resourceArn"));
    JsonNode keys = request.get("tagKeys");
    synchronized (this) {
      Map<String, String> current = tags.get(arn);
      if (current != null && keys != null) {
        keys.forEach(k -> current.remove(k.asText()));
      }
    }
    return SfnJson.object();
  }

  JsonNode list(JsonNode request) {
    String arn = existing(SfnJson.requiredText(request, "resourceArn"));
    ObjectNode out = SfnJson.object();
    ArrayNode list = out.putArray("tags");
    synchronized (this) {
      tags.getOrDefault(arn, Map.of()).forEach((k, v) -> list.addObject().put("key", k).put("value", v));
    }
    return out;
  }

  /** Forgets a deleted resource's tags. */
  void deleted(String arn) {
    tags.remove(arn);
  }

  private String existing(String arn) {
    if (!arn.startsWith("arn:") || arn.split(":", -1).length < 6) {
      throw SfnErrors.invalidArn(arn);
    }
    if (!exists.test(arn)) {
      throw StateMachineVersions.resourceNotFound(arn);
    }
    return arn;
  }
}
