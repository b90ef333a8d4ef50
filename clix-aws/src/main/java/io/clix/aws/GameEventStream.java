package io.clix.aws;

import io.clix.aws.internal.observe.ClixMetrics;
import io.clix.aws.internal.observe.MicrometerMetrics;
import io.clix.aws.internal.store.EventLog;
import io.clix.aws.internal.stream.GameCursors;
import io.clix.aws.internal.stream.ShardFollower;
import io.clix.core.GameEvent;
import io.clix.core.GameEventListener;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameOrchestrator;
import io.clix.core.Subscription;
import io.clix.core.internal.time.ClockScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Every committed event of every game, on every instance: reads the game table's DynamoDB stream
 * and delivers each event to the listeners once, in sequence order per game, whichever instance
 * wrote it. Events this instance's orchestrator delivers from its own writes are passed on at once
 * and not again when the stream brings them; a gap is filled from {@code events()}. Delivery is
 * at least once across shard roll-overs, iterator expiry and restarts: a redelivered event has a
 * sequence the listener has seen, and within one stream object duplicates are dropped (counted by
 * {@link #duplicates()}); a new stream object (a restart) starts at the stream's newest records and
 * delivers each game from its first event committed since the object was built (by its clock, so
 * a coarse or skewed clock may add a few earlier ones), and
 * {@link #subscribe(String, long, GameEventListener)} catches a game up from the log: a restarted
 * instance resubscribes each game with the last sequence its client saw. Listeners
 * subscribe to all games ({@link #subscribeAll}) or to one game ({@link #subscribe}, which never
 * delivers another game's events); each {@link Subscription} unsubscribes when closed. Given a
 * Micrometer registry ({@link Builder#meterRegistry}), it times each event from commit to delivery.
 *
 * <pre>{@code
 * GameEventStream stream = GameEventStream.builder().orchestrator(orchestrator).dynamoDb(dynamoDb)
 *     .streams(streamsClient).tableName("clix-games").clock(clock).build();
 * stream.subscribeAll(event -> push(event));
 * stream.start(Duration.ofSeconds(1));
 * }</pre>
 */
public final class GameEventStream implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GameEventStream.class);

  private final GameOrchestrator orchestrator;
  private final ShardFollower follower;
  private final GameCursors cursors;
  private final Clock clock;
  private final ClixMetrics metrics;
  private final List<GameEventListener> all = new CopyOnWriteArrayList<>();
  private final Map<String, List<GameEventListener>> byGame = new ConcurrentHashMap<>();
  private final Subscription own;
  private final AtomicBoolean polling = new AtomicBoolean();
  private volatile ClockScheduler scheduler;
  private volatile ExecutorService executor;

  private GameEventStream(Builder builder) {
    this.orchestrator = Objects.requireNonNull(builder.orchestrator, "orchestrator");
    Objects.requireNonNull(builder.dynamoDb, "dynamoDb");
    Objects.requireNonNull(builder.streams, "streams");
    Objects.requireNonNull(builder.tableName, "tableName");
    this.clock = builder.clock;
    this.metrics = builder.metrics;
    String arn = builder.dynamoDb.describeTable(b -> b.tableName(builder.tableName)).table().latestStreamArn();
    if (arn == null) {
      throw new IllegalStateException("table " + builder.tableName + " has no stream; provision it with ClixProvisioner");
    }
    Instant since = clock.instant();
    this.follower = new ShardFollower(builder.streams, arn, clock);
    follower.start();
    this.cursors = new GameCursors((game, after) -> orchestrator.events(game, after), this::deliver,
        builder.maxHeldPerGame, since);
    this.own = orchestrator.addListener(event -> cursors.offer(event, false));
  }

  /** A builder; orchestrator, dynamoDb, streams and tableName are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Delivers every game's events to {@code listener}, from the next one this stream delivers on;
   * {@link Subscription#close()} stops it.
   */
  public Subscription subscribeAll(GameEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    all.add(listener);
    return () -> all.remove(listener);
  }

  /**
   * Delivers the events of game {@code gameId} after {@code afterSequence} to {@code listener}, and
   * no other game's: the events up to now are read from the log at once (none if the game does
   * not exist yet), even those this stream already gave other listeners, then the stream's follow
   * in order, each once. {@link Subscription#close()} stops it; a listener subscribed to several
   * games gets each game's events in that game's order.
   *
   * @throws IllegalArgumentException if {@code afterSequence} is negative
   */
  public Subscription subscribe(String gameId, long afterSequence, GameEventListener listener) {
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(listener, "listener");
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must be 0 or more: " + afterSequence);
    }
    List<GameEventListener> listeners = byGame.computeIfAbsent(gameId, id -> new CopyOnWriteArrayList<>());
    cursors.startAfter(gameId, afterSequence);
    List<GameEvent> logged = logAfter(gameId, afterSequence);
    for (int attempt = 1; ; attempt++) {
      List<GameEvent> read = logged;
      boolean last = attempt == 3;
      // Under the game's cursor: the events other listeners already had go to this one straight from
      // the log, and it joins before the next is delivered. Delivered past what was read? Read again.
      boolean joined = cursors.holding(gameId, next -> {
        long readUpTo = read.isEmpty() ? afterSequence : read.get(read.size() - 1).sequence();
        if (readUpTo < next - 1 && !last) {
          return false;
        }
        for (GameEvent event : read) {
          if (event.sequence() < next) {
            deliverTo(listener, event);
          }
        }
        listeners.add(listener);
        return true;
      });
      if (joined) {
        break;
      }
      logged = logAfter(gameId, afterSequence);
    }
    for (GameEvent event : logged) {
      cursors.offer(event, false);
    }
    return () -> listeners.remove(listener);
  }

  /** Reads the stream once up to its newest record and delivers what it brings; the pollers call this. */
  public void poll() {
    follower.poll(this::record);
  }

  /** Polls every {@code interval} on the clock, on a thread of its own, until closed. */
  public synchronized void start(Duration interval) {
    if (scheduler != null) {
      return;
    }
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "clix-event-stream");
      thread.setDaemon(true);
      return thread;
    });
    scheduler = new ClockScheduler(clock, "clix-event-stream-timer", null);
    schedule(interval);
  }

  /** How old the newest record read by the last poll was when read: the delivery lag. */
  public Duration lag() {
    return follower.lag();
  }

  /**
   * Stream records read a second time, after an iterator had to restart at TRIM_HORIZON (their
   * events are dropped as {@link #duplicates()}; listeners never see them twice).
   */
  public long redeliveries() {
    return follower.redelivered();
  }

  /**
   * Events dropped because the listeners already had them: the stream's copies of this instance's
   * writes and of events read from the log, and {@link #redeliveries()}.
   */
  public long duplicates() {
    return cursors.duplicates();
  }

  /** Shard iterators renewed after expiring or meeting trimmed data (points where redelivery may occur). */
  public long renewedIterators() {
    return follower.renewed();
  }

  /** Times a game held more events than the bound while waiting for a gap (they are re-read from the log). */
  public long overflows() {
    return cursors.overflows();
  }

  @Override
  public void close() {
    own.close();
    if (scheduler != null) {
      scheduler.close();
      executor.shutdown();
    }
  }

  private void schedule(Duration interval) {
    ClockScheduler current = scheduler;
    current.scheduleAfter(interval, () -> executor.execute(() -> {
      if (polling.compareAndSet(false, true)) {
        try {
          poll();
        } catch (RuntimeException e) {
          LOG.warn("reading the game event stream failed; retrying next poll", e);
        } finally {
          polling.set(false);
        }
      }
      if (!executor.isShutdown()) {
        schedule(interval);
      }
    }));
  }

  private void record(Record record) {
    if (record.eventName() != OperationType.INSERT || !record.dynamodb().hasNewImage()) {
      return;
    }
    Map<String, AttributeValue> image = record.dynamodb().newImage();
    GameEvent event = EventLog.eventOf(image);
    if (event != null) {
      cursors.offer(event, true);
    }
  }

  private List<GameEvent> logAfter(String gameId, long afterSequence) {
    try {
      return orchestrator.events(gameId, afterSequence);
    } catch (GameNotFoundException e) {
      return List.of(); // Not created yet: its events will come from the stream.
    }
  }

  private void deliver(GameEvent event) {
    if (metrics != ClixMetrics.NONE && event.time() != null) {
      metrics.eventDelivered(Math.max(0, Duration.between(event.time(), clock.instant()).toNanos()));
    }
    for (GameEventListener listener : all) {
      deliverTo(listener, event);
    }
    for (GameEventListener listener : byGame.getOrDefault(event.gameId(), List.of())) {
      deliverTo(listener, event);
    }
  }

  private static void deliverTo(GameEventListener listener, GameEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("an event listener failed on event {} of game {}", event.sequence(), event.gameId(), e);
    }
  }

  /** Configures a {@link GameEventStream}. */
  public static final class Builder {
    private GameOrchestrator orchestrator;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private String tableName;
    private Clock clock = Clock.systemUTC();
    private int maxHeldPerGame = 1000;
    private ClixMetrics metrics = ClixMetrics.NONE;

    private Builder() {}

    /** This instance's orchestrator: its own events pass at once, and gaps are read with its {@code events()}. */
    public Builder orchestrator(GameOrchestrator orchestrator) {
      this.orchestrator = orchestrator;
      return this;
    }

    /** The DynamoDB client that finds the table's stream. */
    public Builder dynamoDb(DynamoDbClient dynamoDb) {
      this.dynamoDb = dynamoDb;
      return this;
    }

    /** The DynamoDB Streams client that reads it. */
    public Builder streams(DynamoDbStreamsClient streams) {
      this.streams = streams;
      return this;
    }

    /** The game table (the orchestrator's). */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /** The clock polling runs on; share the orchestrator's (a {@code ManualClock} in tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The most out-of-order events held per game while a gap is read (default 1000); see {@link GameEventStream#overflows()}. */
    public Builder maxHeldPerGame(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxHeldPerGame must be at least 1");
      }
      this.maxHeldPerGame = max;
      return this;
    }

    /**
     * Records each delivered event's lag, from its commit to its delivery by the stream's clock, as
     * the Micrometer timer {@code clix.events.lag} in {@code registry}. Optional: without a registry
     * nothing is recorded and Micrometer need not be on the class path.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.metrics = new MicrometerMetrics(Objects.requireNonNull(registry, "registry"));
      return this;
    }

    /** Finds the table's stream (DescribeTable) and starts listening to the orchestrator. */
    public GameEventStream build() {
      return new GameEventStream(this);
    }
  }
}
