package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One table's items. Partitions are ordered by a digest of the partition key (the order a Scan
 * walks) and each keeps its items sorted by sort key (the order a Query returns). Stored items are
 * never modified: a write replaces the item under the lock of its key's stripe, so every write is
 * atomic per item while readers see either the old or the new item without locking.
 */
final class Table {

  private static final int STRIPES = 256;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FIVE_YEARS_SECONDS = 5L * 366 * 24 * 3600;
  private static final Comparator<KeyValue> PARTITION_ORDER = (a, b) -> {
    int c = Long.compareUnsigned(a.digestPrefix(), b.digestPrefix());
    if (c == 0 && !a.equals(b)) {
      c = Arrays.compareUnsigned(a.digest(), b.digest());
      return c != 0 ? c : a.compareTo(b);
    }
    return c;
  };

  private volatile TableDefinition definition;
  private final String arn;
  private final String id;
  private final Instant created;
  private final Clock clock;
  private final ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<KeyValue, byte[]>> partitions =
      new ConcurrentSkipListMap<>(PARTITION_ORDER);
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final AtomicLong itemCount = new AtomicLong();
  private final AtomicLong sizeBytes = new AtomicLong();
  private volatile String ttlAttribute;
  private volatile boolean deletionProtection;
  private volatile StreamLog stream;

  Table(TableDefinition definition, String arn, String id, Instant created, Clock clock) {
    this.definition = definition;
    this.arn = arn;
    this.id = id;
    this.created = created;
    this.clock = clock;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  TableDefinition definition() {
    return definition;
  }

  /** Replaces the definition (UpdateTable: indexes, billing, settings); the key schema never changes. */
  void definition(TableDefinition updated) {
    this.definition = updated;
  }

  KeySchema keys() {
    return definition.keys();
  }

  String name() {
    return definition.name();
  }

  String arn() {
    return arn;
  }

  String id() {
    return id;
  }

  Instant created() {
    return created;
  }

  long itemCount() {
    return itemCount.get();
  }

  long sizeBytes() {
    return sizeBytes.get();
  }

  /** The TTL attribute, or {@code null} while TTL is disabled. */
  String ttlAttribute() {
    return ttlAttribute;
  }

  void ttlAttribute(String attribute) {
    this.ttlAttribute = attribute;
  }

  boolean deletionProtection() {
    return deletionProtection;
  }

  void deletionProtection(boolean enabled) {
    this.deletionProtection = enabled;
  }

  /** The enabled stream of the table, or {@code null}. */
  StreamLog stream() {
    return stream;
  }

  void stream(StreamLog log) {
    this.stream = log;
  }

  /** The lock guarding writes to the item with that key (shared by the keys of one stripe). */
  ReentrantLock lockFor(ItemKey key) {
    return stripes[Math.floorMod(key.hashCode(), STRIPES)];
  }

  /** The stripe number of a key, for taking several locks in a fixed order. */
  int stripeOf(ItemKey key) {
    return Math.floorMod(key.hashCode(), STRIPES);
  }

  /** The live (not expired) item with that key, or {@code null}. */
  ObjectNode get(ItemKey key) {
    ConcurrentSkipListMap<KeyValue, byte[]> partition = partitions.get(key.hash());
    if (partition == null) {
      return null;
    }
    byte[] stored = partition.get(rangeOf(key));
    if (stored == null) {
      return null;
    }
    ObjectNode item = decode(stored);
    if (expired(item)) {
      purge(key, stored, item);
      return null;
    }
    return item;
  }

  /**
   * Stores (or with {@code null}, removes) the item of a key; the caller holds {@link #lockFor}.
   *
   * @return the live item it replaced, or {@code null}
   */
  ObjectNode write(ItemKey key, ObjectNode item, long newSize, long oldSize) {
    ConcurrentSkipListMap<KeyValue, byte[]> partition =
        item == null ? partitions.get(key.hash()) : partitions.computeIfAbsent(key.hash(), k -> new ConcurrentSkipListMap<>());
    if (partition == null) {
      return null;
    }
    byte[] stored = item == null ? null : encode(item);
    byte[] oldStored = item == null ? partition.remove(rangeOf(key)) : partition.put(rangeOf(key), stored);
    ObjectNode old = oldStored == null ? null : decode(oldStored);
    itemCount.addAndGet((item == null ? 0 : 1) - (old == null ? 0 : 1));
    sizeBytes.addAndGet((item == null ? 0 : newSize) - (old == null ? 0 : oldSize));
    ObjectNode live = old == null || expired(old) ? null : old;
    StreamLog log = stream;
    if (log != null) {
      if (old != null && live == null) {
        log.append(keys().keyAttributes(old), old, oldStored, null, null, true);
      }
      log.append(keys().keyAttributes(item != null ? item : old), live, live == null ? null : oldStored, item, stored, false);
    }
    return live;
  }

  /** The live items of one partition in sort-key order (or reversed). */
  List<ObjectNode> partition(KeyValue hash, boolean forward) {
    ConcurrentSkipListMap<KeyValue, byte[]> partition = partitions.get(hash);
    if (partition == null) {
      return List.of();
    }
    NavigableMap<KeyValue, byte[]> view = forward ? partition : partition.descendingMap();
    return live(view.values().iterator());
  }

  /** Every live item in Scan order: partitions by digest, then by sort key (expired items are purged on the way). */
  List<ObjectNode> all() {
    List<ObjectNode> out = new ArrayList<>();
    for (Map.Entry<KeyValue, ConcurrentSkipListMap<KeyValue, byte[]>> partition : partitions.entrySet()) {
      out.addAll(live(partition.getValue().values().iterator()));
    }
    return out;
  }

  /** The order of two partition keys in a Scan. */
  static int comparePartitions(KeyValue a, KeyValue b) {
    return PARTITION_ORDER.compare(a, b);
  }

  private List<ObjectNode> live(Iterator<byte[]> items) {
    List<ObjectNode> out = new ArrayList<>();
    while (items.hasNext()) {
      byte[] stored = items.next();
      ObjectNode item = decode(stored);
      if (expired(item)) {
        purge(keys().keyOfItem(item), stored, item);
      } else {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * An item as stored: its JSON in UTF-8, a fraction of the heap of a tree of nodes (a small item
   * takes about a tenth); every read builds the nodes again.
   */
  static byte[] encode(ObjectNode item) {
    try {
      return JSON.writeValueAsBytes(item);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode decode(byte[] stored) {
    try {
      return (ObjectNode) JSON.readTree(stored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether TTL is on and the item's TTL attribute (epoch seconds) has passed on the stack's clock. */
  boolean expired(ObjectNode item) {
    String attribute = ttlAttribute;
    if (attribute == null) {
      return false;
    }
    JsonNode value = item.get(attribute);
    if (value == null || !value.has("N")) {
      return false;
    }
    try {
      BigDecimal expiry = new BigDecimal(value.get("N").asText());
      long now = clock.instant().getEpochSecond();
      return expiry.compareTo(BigDecimal.valueOf(now)) <= 0
          && expiry.compareTo(BigDecimal.valueOf(now - FIVE_YEARS_SECONDS)) >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void purge(ItemKey key, byte[] stored, ObjectNode item) {
    ReentrantLock lock = lockFor(key);
    if (!lock.tryLock()) {
      return;
    }
    try {
      ConcurrentSkipListMap<KeyValue, byte[]> partition = partitions.get(key.hash());
      if (partition != null && partition.remove(rangeOf(key), stored)) {
        itemCount.decrementAndGet();
        sizeBytes.addAndGet(-ItemSizes.of(item));
        StreamLog log = stream;
        if (log != null) {
          log.append(keys().keyAttributes(item), item, stored, null, null, true);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private static KeyValue rangeOf(ItemKey key) {
    return key.range() == null ? key.hash() : key.range();
  }
}
