package io.clix.aws.internal.stream;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Follows every shard of one DynamoDB stream in lineage order (a child after its parent is read to
 * its end), remembering the last sequence number read per shard. Shards open when following starts
 * are read from LATEST; shards that appear later from TRIM_HORIZON. An expired iterator is renewed
 * after the last record read (AFTER_SEQUENCE_NUMBER), so nothing is read twice; a trimmed position
 * restarts at TRIM_HORIZON, where records may be missing (the consumer fills them from the log).
 */
public final class ShardFollower {

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Clock clock;
  private final Map<String, String> iterators = new HashMap<>();
  private final Map<String, String> lastRead = new HashMap<>();
  private final Set<String> finished = new HashSet<>();
  private final Map<String, BigInteger> highest = new HashMap<>();
  private long redelivered;
  private boolean started;
  private volatile Duration lag = Duration.ZERO;
  private long renewed;

  public ShardFollower(DynamoDbStreamsClient streams, String streamArn, Clock clock) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.clock = clock;
  }

  /** Takes the starting positions: LATEST on the open shards, so what is written from now on is read. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    for (Shard shard : shards()) {
      if (shard.sequenceNumberRange().endingSequenceNumber() != null) {
        finished.add(shard.shardId());
      } else {
        iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.LATEST, null));
      }
    }
  }

  /** Reads every readable shard until it has nothing more now, handing each record to {@code sink}. */
  public synchronized void poll(Consumer<Record> sink) {
    start();
    List<Shard> shards = shards();
    Set<String> listed = new HashSet<>();
    shards.forEach(s -> listed.add(s.shardId()));
    Duration newest = Duration.ZERO;
    for (Shard shard : shards) {
      String id = shard.shardId();
      String parent = shard.parentShardId();
      if (finished.contains(id) || (parent != null && listed.contains(parent) && !finished.contains(parent))) {
        continue;
      }
      newest = max(newest, read(id, sink));
    }
    finished.retainAll(listed);
    highest.keySet().retainAll(listed);
    lag = newest;
  }

  /** How far behind the newest record read in the last poll was (zero when nothing was read). */
  public Duration lag() {
    return lag;
  }

  /** How many records were read a second time (after an iterator restarted at TRIM_HORIZON). */
  public synchronized long redelivered() {
    return redelivered;
  }

  /** How many iterators were renewed after expiring or meeting trimmed data. */
  public synchronized long renewed() {
    return renewed;
  }

  private Duration read(String shardId, Consumer<Record> sink) {
    Duration newest = Duration.ZERO;
    String iterator = iterators.computeIfAbsent(shardId, id -> iterator(id, ShardIteratorType.TRIM_HORIZON, null));
    while (iterator != null) {
      GetRecordsResponse response;
      try {
        String current = iterator;
        response = streams.getRecords(b -> b.shardIterator(current));
      } catch (ExpiredIteratorException e) {
        renewed++;
        String last = lastRead.get(shardId);
        iterator = last == null ? iterator(shardId, ShardIteratorType.TRIM_HORIZON, null)
            : iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, last);
        continue;
      } catch (TrimmedDataAccessException e) {
        renewed++;
        iterator = iterator(shardId, ShardIteratorType.TRIM_HORIZON, null);
        continue;
      } catch (ResourceNotFoundException e) {
        iterator = null;
        break;
      }
      for (Record record : response.records()) {
        String sequence = record.dynamodb().sequenceNumber();
        lastRead.put(shardId, sequence);
        BigInteger number = new BigInteger(sequence);
        BigInteger before = highest.get(shardId);
        if (before != null && number.compareTo(before) <= 0) {
          redelivered++;
        } else {
          highest.put(shardId, number);
        }
        Instant created = record.dynamodb().approximateCreationDateTime();
        if (created != null) {
          newest = max(newest, Duration.between(created, clock.instant()));
        }
        sink.accept(record);
      }
      iterator = response.nextShardIterator();
      if (response.records().isEmpty()) {
        break;
      }
    }
    if (iterator == null) {
      finished.add(shardId);
      iterators.remove(shardId);
      lastRead.remove(shardId);
      highest.remove(shardId);
    } else {
      iterators.put(shardId, iterator);
    }
    return newest;
  }

  private List<Shard> shards() {
    List<Shard> out = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn)
          .exclusiveStartShardId(from)).streamDescription();
      out.addAll(description.shards());
      start = description.lastEvaluatedShardId();
    } while (start != null);
    return out;
  }

  private String iterator(String shardId, ShardIteratorType type, String sequence) {
    return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequence)).shardIterator();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
