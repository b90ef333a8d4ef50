package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Set;

/**
 * A table's {@code StreamSpecification} on CreateTable and UpdateTable: the checks and wording
 * DynamoDB applies, enabling a new stream (a new ARN each time) and describing the latest one.
 */
final class StreamSettings {

  static final Set<String> VIEW_TYPES = Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");

  private StreamSettings() {}

  /** The view type a CreateTable asks for, or {@code null} when it asks for no stream. */
  static String requested(JsonNode spec) {
    if (spec == null || spec.isNull()) {
      return null;
    }
    check(spec);
    return spec.path("StreamEnabled").asBoolean(false) ? spec.get("StreamViewType").asText() : null;
  }

  /**
   * The view type an UpdateTable enables, or {@code null} when it enables none; refuses enabling a
   * second stream and disabling a missing one as DynamoDB does.
   */
  static String updated(Table table, JsonNode spec) {
    if (spec == null || spec.isNull()) {
      return null;
    }
    check(spec);
    StreamLog current = table.stream();
    boolean active = current != null && current.enabled();
    if (spec.path("StreamEnabled").asBoolean(false)) {
      if (active) {
        throw Faults.validation("Table already has an enabled stream: TableName: " + table.name());
      }
      return spec.get("StreamViewType").asText();
    }
    if (!active) {
      throw Faults.validation("Table has no stream to disable: TableName: " + table.name());
    }
    return null;
  }

  static void enable(TableCatalog catalog, Table table, String viewType, Clock clock) {
    StreamLog log = new StreamLog(table.arn(), table.name(), viewType, table.keys().toJson(), clock);
    catalog.addStream(log);
    table.stream(log);
  }

  /** Adds the stream members of a {@code TableDescription}. */
  static void describe(StreamLog stream, ObjectNode description) {
    if (stream == null) {
      return;
    }
    if (stream.enabled()) {
      description.putObject("StreamSpecification").put("StreamEnabled", true)
          .put("StreamViewType", stream.viewType());
    }
    description.put("LatestStreamLabel", stream.label());
    description.put("LatestStreamArn", stream.arn());
  }

  private static void check(JsonNode spec) {
    new Requests().required(spec, "StreamEnabled", "streamSpecification.streamEnabled")
        .oneOf(spec, "StreamViewType", "streamSpecification.streamViewType", VIEW_TYPES,
            "[NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]")
        .check();
    boolean enabled = spec.get("StreamEnabled").asBoolean(false);
    boolean hasView = Requests.has(spec, "StreamViewType");
    if (enabled && !hasView) {
      throw Faults.invalidParameter("If stream is being enabled then UpdateViewType is required");
    }
    if (!enabled && hasView) {
      throw Faults.invalidParameter("If stream is being disabled, then UpdateViewType must not be specified");
    }
  }
}
