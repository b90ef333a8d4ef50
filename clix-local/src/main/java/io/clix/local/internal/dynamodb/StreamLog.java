package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One DynamoDB stream of a table: its shards and their change records. Records are kept 24 hours
 * on the stack's clock; the open shard is closed and succeeded by a child shard once it is four
 * hours old (on the next write after that), so consumers meet shard lineage as on AWS. Sequence
 * numbers are 21-digit decimal strings increasing across the whole stream.
 */
final class StreamLog {

  static final Duration RETENTION = Duration.ofHours(24);
  static final Duration SHARD_LIFETIME = Duration.ofHours(4);
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  /**
   * One change record with its sequence number and the time it was written. The item images are
   * the very byte arrays the table stores its item versions in (an image of the live item costs
   * nothing more; an old image is the previous record's new image), and the record's JSON is built
   * when it is read.
   */
  static final class Entry {
    final long sequence;
    final Instant written;
    private final String eventId;
    private final byte[] keys;
    private final byte[] oldImage;
    private final byte[] newImage;
    private final long size;
    private final boolean byTtl;
    private final String eventName;
    private final StreamLog log;

    Entry(StreamLog log, long sequence, Instant written, String eventId, String eventName, byte[] keys,
        byte[] oldImage, byte[] newImage, long size, boolean byTtl) {
      this.log = log;
      this.eventName = eventName;
      this.sequence = sequence;
      this.written = written;
      this.eventId = eventId;
      this.keys = keys;
      this.oldImage = oldImage;
      this.newImage = newImage;
      this.size = size;
      this.byTtl = byTtl;
    }

    /** The record as GetRecords answers it (fresh nodes). */
    ObjectNode record() {
      ObjectNode record = JsonNodeFactory.instance.objectNode();
      record.put("eventID", eventId);
      record.put("eventName", eventName);
      record.put("eventVersion", "1.1");
      record.put("eventSource", "aws:dynamodb");
      record.put("awsRegion", log.region);
      ObjectNode change = record.putObject("dynamodb");
      change.put("ApproximateCreationDateTime", written.getEpochSecond());
      change.set("Keys", Table.decode(keys));
      if (newImage != null) {
        change.set("NewImage", Table.decode(newImage));
      }
      if (oldImage != null) {
        change.set("OldImage", Table.decode(oldImage));
      }
      change.put("SequenceNumber", sequenceText(sequence));
      change.put("SizeBytes", size);
      change.put("StreamViewType", log.viewType);
      if (byTtl) {
        record.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
      }
      return record;
    }
  }

  /** One shard: its sequence number range, parent, and retained records. */
  static final class Shard {
    final String id;
    final String parentId;
    final long start;
    final Instant opened;
    Long end;
    Instant closed;
    long trimmedThrough;
    /** The records, oldest first, from index {@link #head} (those before it are trimmed). */
    private final List<Entry> records = new ArrayList<>();
    private int head;

    boolean isEmpty() {
      return head == records.size();
    }

    Entry first() {
      return records.get(head);
    }

    Entry last() {
      return records.get(records.size() - 1);
    }

    /** Drops the oldest record; the list is compacted once half of it is dropped. */
    Entry dropFirst() {
      Entry first = records.get(head);
      records.set(head++, null);
      if (head > 64 && head * 2 > records.size()) {
        records.subList(0, head).clear();
        head = 0;
      }
      return first;
    }

    /** The index of the first record with a sequence number above {@code after}. */
    int firstAbove(long after) {
      int lo = head;
      int hi = records.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (records.get(mid).sequence <= after) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    Shard(String id, String parentId, long start, Instant opened) {
      this.id = id;
      this.parentId = parentId;
      this.start = start;
      this.opened = opened;
      this.trimmedThrough = start - 1;
    }
  }

  private final String arn;
  private final String label;
  private final String tableName;
  private final String region;
  private final String viewType;
  private final JsonNode keySchema;
  private final Instant created;
  private final Clock clock;
  private final List<Shard> shards = new ArrayList<>();
  private long lastSequence;
  private boolean enabled = true;

  StreamLog(String tableArn, String tableName, String viewType, JsonNode keySchema, Clock clock) {
    this.clock = clock;
    this.created = clock.instant();
    this.label = LABEL.format(created);
    this.arn = tableArn + "/stream/" + label;
    this.tableName = tableName;
    this.region = tableArn.split(":")[3];
    this.viewType = viewType;
    this.keySchema = keySchema;
    this.lastSequence = 1000L + ThreadLocalRandom.current().nextLong(1000) * 1000;
    shards.add(new Shard(shardId(), null, lastSequence + 1, created));
  }

  String arn() {
    return arn;
  }

  String label() {
    return label;
  }

  String tableName() {
    return tableName;
  }

  String viewType() {
    return viewType;
  }

  JsonNode keySchema() {
    return keySchema;
  }

  Instant created() {
    return created;
  }

  synchronized boolean enabled() {
    return enabled;
  }

  /** Disables the stream (UpdateTable or DeleteTable): the open shard closes; records stay readable 24 hours. */
  synchronized void disable() {
    if (!enabled) {
      return;
    }
    enabled = false;
    close(open(), clock.instant());
  }

  /** Whether nothing of the stream is left to read: disabled and past retention. */
  synchronized boolean expired() {
    trim();
    return !enabled && shards.isEmpty();
  }

  /**
   * Appends the record of one item change; a put that changes nothing writes none.
   *
   * @param keys the key attributes of the item
   * @param before the item before the write, or {@code null}
   * @param after the item after the write, or {@code null}
   * @param byTtl whether the TTL process deleted the item
   */
  synchronized void append(ObjectNode keys, ObjectNode before, byte[] beforeBytes, ObjectNode after, byte[] afterBytes,
      boolean byTtl) {
    if (!enabled || (before == null && after == null) || (before != null && before.equals(after))) {
      return;
    }
    Instant now = clock.instant();
    trim();
    Shard shard = open();
    if (!shard.isEmpty() && !now.isBefore(shard.opened.plus(SHARD_LIFETIME))) {
      close(shard, now);
      shard = new Shard(shardId(), shard.id, lastSequence + 1, now);
      shards.add(shard);
    }
    long sequence = ++lastSequence;
    long size = ItemSizes.of(keys);
    boolean newImage = after != null && ("NEW_IMAGE".equals(viewType) || "NEW_AND_OLD_IMAGES".equals(viewType));
    boolean oldImage = before != null && ("OLD_IMAGE".equals(viewType) || "NEW_AND_OLD_IMAGES".equals(viewType));
    size += newImage ? ItemSizes.of(after) : 0;
    size += oldImage ? ItemSizes.of(before) : 0;
    shard.records.add(new Entry(this, sequence, now, UUID.randomUUID().toString().replace("-", ""),
        before == null ? "INSERT" : after == null ? "REMOVE" : "MODIFY", Table.encode(keys),
        !oldImage ? null : beforeBytes != null ? beforeBytes : Table.encode(before),
        !newImage ? null : afterBytes != null ? afterBytes : Table.encode(after), size, byTtl));
  }

  /** The retained shards, oldest first. */
  synchronized List<Shard> shards() {
    trim();
    return new ArrayList<>(shards);
  }

  /** The retained shard with that id, or {@code null}. */
  synchronized Shard shard(String id) {
    trim();
    for (Shard shard : shards) {
      if (shard.id.equals(id)) {
        return shard;
      }
    }
    return null;
  }

  /** The sequence number of the newest record of the stream (or the one before the first). */
  synchronized long lastSequence() {
    return lastSequence;
  }

  /** Up to {@code limit} records of a shard with sequence numbers above {@code after}. */
  synchronized List<Entry> read(Shard shard, long after, int limit) {
    trim();
    List<Entry> out = new ArrayList<>();
    for (int i = shard.firstAbove(after); i < shard.records.size() && out.size() < limit; i++) {
      out.add(shard.records.get(i));
    }
    return out;
  }

  /** Whether a shard is closed and has nothing above {@code after}. */
  synchronized boolean exhausted(Shard shard, long after) {
    return shard.end != null && after >= shard.end;
  }

  static String sequenceText(long sequence) {
    return "1" + String.format("%020d", sequence);
  }

  /** The number of a sequence number this stream handed out, or -1 when the text is not one. */
  static long parseSequence(String text) {
    if (text == null || text.length() != 21 || text.charAt(0) != '1' || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(text.substring(1));
  }

  private Shard open() {
    return shards.get(shards.size() - 1);
  }

  private void close(Shard shard, Instant now) {
    if (shard.end == null) {
      shard.end = shard.isEmpty() ? shard.start : shard.last().sequence;
      shard.closed = now;
    }
  }

  /** Drops the records older than 24 hours, and closed shards with nothing left once 24 hours closed. */
  private void trim() {
    Instant horizon = clock.instant().minus(RETENTION);
    for (Shard shard : shards) {
      while (!shard.isEmpty() && shard.first().written.isBefore(horizon)) {
        shard.trimmedThrough = shard.dropFirst().sequence;
      }
    }
    shards.removeIf(shard -> shard.end != null && shard.isEmpty() && shard.closed.isBefore(horizon));
  }

  private String shardId() {
    return "shardId-" + String.format("%020d", clock.millis()) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}
