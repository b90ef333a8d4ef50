package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.AwsJsonService;
import io.clix.local.internal.http.ServiceError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The local stack's DynamoDB Streams: ListStreams, DescribeStream, GetShardIterator and GetRecords
 * behind {@code X-Amz-Target: DynamoDBStreams_20120810.*} on the same endpoint as DynamoDB. Shard
 * iterators expire 15 minutes after they are handed out, on the stack's clock.
 */
public final class DynamoDbStreamsService implements AwsJsonService {

  static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String STREAMS = "com.amazonaws.dynamodb.v20120810#";
  private static final Set<String> ITERATOR_TYPES =
      Set.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");

  private final TableCatalog catalog;
  private final Clock clock;

  DynamoDbStreamsService(TableCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public String targetPrefix() {
    return "DynamoDBStreams_20120810";
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    switch (operation) {
      case "ListStreams":
        return listStreams(request);
      case "DescribeStream":
        return describeStream(request);
      case "GetShardIterator":
        return getShardIterator(request);
      case "GetRecords":
        return getRecords(request);
      default:
        throw Faults.unknownOperation();
    }
  }

  private JsonNode listStreams(JsonNode request) {
    limits(request, 100);
    String table = Requests.text(request, "TableName", null);
    String start = Requests.text(request, "ExclusiveStartStreamArn", null);
    int limit = request.path("Limit").asInt(100);
    ObjectNode out = JSON.objectNode();
    ArrayNode list = out.putArray("Streams");
    boolean started = start == null;
    for (StreamLog stream : catalog.streams()) {
      if (table != null && !stream.tableName().equals(table)) {
        continue;
      }
      if (!started) {
        started = stream.arn().equals(start);
        continue;
      }
      if (list.size() == limit) {
        out.put("LastEvaluatedStreamArn", list.get(limit - 1).get("StreamArn").asText());
        break;
      }
      list.addObject().put("StreamArn", stream.arn()).put("TableName", stream.tableName())
          .put("StreamLabel", stream.label());
    }
    return out;
  }

  private JsonNode describeStream(JsonNode request) {
    new Requests().required(request, "StreamArn", "streamArn").check();
    limits(request, 100);
    StreamLog stream = requireStream(request.get("StreamArn").asText());
    String start = Requests.text(request, "ExclusiveStartShardId", null);
    int limit = request.path("Limit").asInt(100);
    ObjectNode out = JSON.objectNode();
    ObjectNode description = out.putObject("StreamDescription");
    description.put("StreamArn", stream.arn());
    description.put("StreamLabel", stream.label());
    description.put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED");
    description.put("StreamViewType", stream.viewType());
    description.put("CreationRequestDateTime", stream.created().toEpochMilli() / 1000.0);
    description.put("TableName", stream.tableName());
    description.set("KeySchema", stream.keySchema().deepCopy());
    ArrayNode shards = description.putArray("Shards");
    boolean started = start == null;
    for (StreamLog.Shard shard : stream.shards()) {
      if (!started) {
        started = shard.id.equals(start);
        continue;
      }
      if (shards.size() == limit) {
        description.put("LastEvaluatedShardId", shards.get(limit - 1).get("ShardId").asText());
        break;
      }
      ObjectNode node = shards.addObject();
      node.put("ShardId", shard.id);
      ObjectNode range = node.putObject("SequenceNumberRange");
      range.put("StartingSequenceNumber", StreamLog.sequenceText(shard.start));
      if (shard.end != null) {
        range.put("EndingSequenceNumber", StreamLog.sequenceText(shard.end));
      }
      if (shard.parentId != null) {
        node.put("ParentShardId", shard.parentId);
      }
    }
    return out;
  }

  private JsonNode getShardIterator(JsonNode request) {
    new Requests().required(request, "StreamArn", "streamArn").required(request, "ShardId", "shardId")
        .required(request, "ShardIteratorType", "shardIteratorType")
        .oneOf(request, "ShardIteratorType", "shardIteratorType", ITERATOR_TYPES,
            "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]")
        .check();
    StreamLog stream = requireStream(request.get("StreamArn").asText());
    StreamLog.Shard shard = stream.shard(request.get("ShardId").asText());
    if (shard == null) {
      throw Faults.resourceNotFound("Requested resource not found: Shard does not exist");
    }
    String type = request.get("ShardIteratorType").asText();
    boolean bySequence = type.endsWith("SEQUENCE_NUMBER");
    if (bySequence != Requests.has(request, "SequenceNumber")) {
      throw Faults.validation(bySequence ? "Must specify a sequence number for " + type + " iterator type"
          : "Sequence number is not allowed for " + type + " iterator type");
    }
    long after;
    if (type.equals("TRIM_HORIZON")) {
      after = shard.trimmedThrough;
    } else if (type.equals("LATEST")) {
      after = shard.end != null ? shard.end : stream.lastSequence();
    } else {
      long sequence = StreamLog.parseSequence(request.get("SequenceNumber").asText());
      if (sequence < 0) {
        throw Faults.validation("Invalid SequenceNumber: " + request.get("SequenceNumber").asText());
      }
      if (sequence < shard.start || (shard.end != null && sequence > shard.end)) {
        throw Faults.validation("Invalid SequenceNumber for the shard: " + request.get("SequenceNumber").asText());
      }
      if (sequence <= shard.trimmedThrough) {
        throw trimmed();
      }
      after = type.equals("AT_SEQUENCE_NUMBER") ? sequence - 1 : sequence;
    }
    ObjectNode out = JSON.objectNode();
    out.put("ShardIterator", iterator(stream, shard, after));
    return out;
  }

  private JsonNode getRecords(JsonNode request) {
    new Requests().required(request, "ShardIterator", "shardIterator").check();
    limits(request, 1000);
    int limit = request.path("Limit").asInt(1000);
    String text = request.get("ShardIterator").asText();
    int bar = text.indexOf("|1|");
    String[] parts;
    try {
      parts = bar < 0 ? new String[0] : new String(Base64.getUrlDecoder().decode(text.substring(bar + 3)),
          StandardCharsets.UTF_8).split("\\|");
    } catch (IllegalArgumentException e) {
      parts = new String[0];
    }
    if (parts.length != 3) {
      throw Faults.validation("Invalid ShardIterator");
    }
    long issued = Long.parseLong(parts[2]);
    long now = clock.millis();
    if (now - issued > ITERATOR_LIFETIME.toMillis()) {
      throw new ServiceError(400, STREAMS + "ExpiredIteratorException", "Iterator expired. The iterator was created"
          + " at time " + java.time.Instant.ofEpochMilli(issued) + " while right now it is "
          + java.time.Instant.ofEpochMilli(now) + " which is further in the future than the tolerated delay of "
          + ITERATOR_LIFETIME.toMillis() + " milliseconds.");
    }
    StreamLog stream = catalog.stream(text.substring(0, bar));
    StreamLog.Shard shard = stream == null ? null : stream.shard(parts[0]);
    if (shard == null) {
      throw Faults.resourceNotFound("Requested resource not found: Shard does not exist");
    }
    long after = Long.parseLong(parts[1]);
    if (after < shard.trimmedThrough) {
      throw trimmed();
    }
    List<StreamLog.Entry> entries = stream.read(shard, after, limit);
    ObjectNode out = JSON.objectNode();
    ArrayNode records = out.putArray("Records");
    for (StreamLog.Entry entry : entries) {
      records.add(entry.record());
      after = entry.sequence;
    }
    if (!stream.exhausted(shard, after)) {
      out.put("NextShardIterator", iterator(stream, shard, after));
    }
    return out;
  }

  private String iterator(StreamLog stream, StreamLog.Shard shard, long after) {
    String state = shard.id + "|" + after + "|" + clock.millis();
    return stream.arn() + "|1|" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(state.getBytes(StandardCharsets.UTF_8));
  }

  private StreamLog requireStream(String arn) {
    StreamLog stream = catalog.stream(arn);
    if (stream == null) {
      throw Faults.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }
    return stream;
  }

  private static ServiceError trimmed() {
    return new ServiceError(400, STREAMS + "TrimmedDataAccessException",
        "The operation attempted to read past the oldest stream record in a shard.");
  }

  private static void limits(JsonNode request, int max) {
    Requests checks = new Requests().atLeast(request, "Limit", "limit", 1);
    JsonNode limit = request.get("Limit");
    if (limit != null && !limit.isNull() && limit.asLong() > max) {
      checks.add("Value '" + limit.asLong() + "' at 'limit' failed to satisfy constraint: Member must have value"
          + " less than or equal to " + max);
    }
    checks.check();
  }
}
