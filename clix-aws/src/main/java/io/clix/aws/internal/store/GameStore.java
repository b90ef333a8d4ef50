package io.clix.aws.internal.store;

import static io.clix.aws.internal.store.ItemCodec.json;
import static io.clix.aws.internal.store.ItemCodec.key;
import static io.clix.aws.internal.store.ItemCodec.n;
import static io.clix.aws.internal.store.ItemCodec.s;

import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.core.ClixException;
import io.clix.core.ClixServiceException;
import io.clix.core.RetryableServiceException;
import io.clix.core.GameAlreadyExistsException;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameSpec;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import io.clix.core.internal.GameTimers;
import io.clix.core.internal.Step;
import java.time.Clock;
import io.clix.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Games in DynamoDB: the game item ({@code sk = 0}: state JSON, version, status/round/point
 * mirrors, timer markers) and one item per event ({@code sk = sequence}); the open round's move
 * payloads are on their {@code MOVE_ACCEPTED} event items ({@link MovePayloads}). Every change starts
 * from the item as this instance last saw it ({@link RecentGames}) or, if it has not, reads it; folds
 * pending timer markers ({@link TimerFold}), applies a {@link GameRules} function and writes the new
 * state and its events in one TransactWriteItems conditional on the version and markers it started
 * from, retrying from a fresh read on a conflict (an outcome that writes nothing is always decided on
 * a fresh read). So capacity, one seat, one move and the order of states hold across any number of
 * backends, with no lock, and a join or move costs one write when the instance saw the game last.
 * After a write that moves the game off the point a task token waits at, the wait is completed: with
 * the token this instance filed itself (the write was conditional on it still being stored), else
 * through {@link TokenStore#completeStale}.
 */
public final class GameStore {

  /** Attempts of the optimistic loop before giving up with a retryable error. */
  static final int MAX_ATTEMPTS = 50;

  private final AwsCalls calls;
  private final String table;
  private final Clock clock;
  private final Duration retention;
  private final TokenStore tokens;
  private final MovePayloads moves;
  private final EventSink sink;
  private final io.clix.core.GameLogic logic;
  private final RecentGames recent;

  /** Receives the events of every write that committed, with the version the write started from. */
  @FunctionalInterface
  public interface EventSink {
    CompletableFuture<Void> written(String gameId, long base, List<GameEvent> events);
  }

  /** A store whose timer folds close rounds through the orchestrator's game logic (or none: null). */
  public GameStore(AwsCalls calls, String table, Clock clock, Duration retention, EventSink sink,
      RecentGames recent, io.clix.core.GameLogic logic) {
    this.logic = logic;
    this.calls = calls;
    this.recent = recent;
    this.table = table;
    this.clock = clock;
    this.retention = retention;
    this.tokens = new TokenStore(calls, table);
    this.moves = new MovePayloads(calls, table);
    this.sink = sink;
  }

  public TokenStore tokens() {
    return tokens;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * What a change did.
   *
   * @param before the state the rule saw (after folding timers)
   * @param step what the rule did to it
   * @param events every event written (the fold's, then the rule's)
   */
  public record Outcome(GameState before, Step step, List<GameEvent> events) {
    public GameState after() {
      return step.state();
    }
  }

  /** The game item, without its token, or empty if there is no such game. */
  public CompletableFuture<Optional<GameItem>> read(String gameId) {
    GetItemRequest request = GetItemRequest.builder()
        .tableName(table)
        .key(key(gameId, 0))
        .consistentRead(true)
        .projectionExpression("#state, #fired, #wp, #sent, #spec")
        .expressionAttributeNames(Map.of("#state", Attributes.STATE, "#fired", Attributes.FIRED,
            "#wp", Attributes.WAIT_POINT, "#sent", Attributes.WAIT_SENT, "#spec", Attributes.SPEC))
        .build();
    return calls.getItem(gameId, request).thenApply(r -> r.hasItem() && r.item().containsKey(Attributes.STATE)
        ? Optional.of(ItemCodec.decode(gameId, r.item())) : Optional.<GameItem>empty())
        .thenCompose(item -> item.isPresent() && hasBareMoves(item.get().state())
            ? moves.fill(gameId, item.get()).thenApply(Optional::of)
            : CompletableFuture.completedFuture(item));
  }

  private static boolean hasBareMoves(GameState s) {
    return s.moves().values().stream().anyMatch(m -> m.move() == null);
  }

  private CompletableFuture<GameItem> readExisting(String gameId) {
    return read(gameId).thenApply(item -> {
      GameItem found = item.orElseThrow(() -> new GameNotFoundException("no game with id " + gameId, gameId));
      recent.saw(gameId, found);
      return found;
    });
  }

  /** The game as this instance last saw it, if it remembers it: a past state, never an answer. */
  Optional<GameState> recentState(String gameId) {
    return recent.get(gameId).map(seen -> seen.item().state());
  }

  /** Remembers a task token this instance filed for the game's current point (see {@link RecentGames}). */
  void hold(String gameId, String point, String token) {
    recent.hold(gameId, point, token);
  }

  /** Folds pending timers and persists them; the game as it stands now (always read afresh). */
  public CompletableFuture<Outcome> observe(String gameId) {
    return update(gameId, s -> new Step(s, List.of()));
  }

  /**
   * Applies a rule to the game's current state (timers folded) and writes the result. A rule that
   * refuses (throws a {@link ClixException}) still lets the fold be written, then fails with it.
   * The first attempt starts from the state this instance remembers ({@link RecentGames}), if any,
   * and writes conditional on it; an outcome that writes nothing is only ever given from a fresh read.
   */
  public CompletableFuture<Outcome> update(String gameId, Function<GameState, Step> rule) {
    return attempt(gameId, rule, 1, true).whenComplete((o, e) -> {
      if (e != null && !isRefusal(AwsErrors.unwrap(e))) {
        recent.forget(gameId); // the write may or may not have landed
      }
    });
  }

  /** A rule's refusal (decided on a fresh read), not a failed call. */
  private static boolean isRefusal(Throwable e) {
    return e instanceof ClixException && !(e instanceof ClixServiceException);
  }

  /** Where an attempt starts: the item, whether it came from memory, and a token held for its point. */
  private record Base(GameItem item, boolean remembered, RecentGames.Held held) {}

  private CompletableFuture<Base> base(String gameId, boolean mayRemember) {
    Optional<RecentGames.Seen> seen = mayRemember ? recent.get(gameId) : Optional.empty();
    if (seen.isPresent()) {
      return CompletableFuture.completedFuture(new Base(seen.get().item(), true, seen.get().held()));
    }
    return readExisting(gameId).thenApply(item -> new Base(item, false, null));
  }

  private CompletableFuture<Outcome> attempt(String gameId, Function<GameState, Step> rule, int attempt,
      boolean mayRemember) {
    return base(gameId, mayRemember).thenCompose(base -> {
      GameItem item = base.item();
      Step fold = TimerFold.fold(item.state(), item.fired(), clock.instant(), logic);
      Step ruled;
      ClixException refused = null;
      try {
        ruled = rule.apply(fold.state());
      } catch (ClixException e) {
        refused = e;
        ruled = new Step(fold.state(), List.of());
      }
      Step step = ruled;
      List<GameEvent> events = new ArrayList<>(fold.events());
      events.addAll(step.events());
      if (base.remembered() && (refused != null || events.isEmpty())) {
        // A refusal or a repeat may be an artefact of an old state: decide it on a fresh read.
        return attempt(gameId, rule, attempt, false);
      }
      Outcome outcome = new Outcome(fold.state(), step, List.copyOf(events));
      ClixException refusal = refused;
      if (events.isEmpty()) {
        CompletableFuture<Void> heal = item.hasStaleToken()
            ? tokens.completeStale(gameId, item.state()).thenAccept(done -> forgetUnless(done, gameId))
            : CompletableFuture.completedFuture(null);
        return heal.thenCompose(v -> finish(outcome, refusal));
      }
      boolean moved = !WaitPoint.current(item.state()).equals(WaitPoint.current(step.state()));
      RecentGames.Held held = moved && base.held() != null
          && base.held().point().equals(WaitPoint.current(item.state())) ? base.held() : null;
      return write(gameId, item, step.state(), events, held).thenCompose(written -> {
        if (!written) {
          recent.forget(gameId);
          calls.metrics().writeConflict(attempt < MAX_ATTEMPTS);
          if (attempt >= MAX_ATTEMPTS) {
            throw new RetryableServiceException("game " + gameId + " kept changing under " + MAX_ATTEMPTS
                + " attempts to update it; try again", gameId, "TooManyConflicts", null);
          }
          return calls.pause(backoff(attempt)).thenCompose(v -> attempt(gameId, rule, attempt + 1, false));
        }
        recent.saw(gameId, new GameItem(step.state(), item.fired(), null, item.specJson()));
        if (!fold.events().isEmpty()) {
          calls.metrics().timerFolded();
        }
        CompletableFuture<Void> complete;
        if (held != null) {
          // The write was conditional on this token still being the stored one: complete it directly.
          complete = tokens.deliver(gameId, held.point(), held.token(), TokenStore.output(step.state()))
              .thenAccept(done -> forgetUnless(done, gameId));
        } else if (moved || item.hasStaleToken()) {
          complete = tokens.completeStale(gameId, step.state()).thenAccept(done -> forgetUnless(done, gameId));
        } else {
          complete = CompletableFuture.completedFuture(null);
        }
        return complete
            .thenCompose(v -> sink.written(gameId, item.state().version(), outcome.events()))
            .thenCompose(v -> finish(outcome, refusal));
      });
    });
  }

  /** After a wait that may still need completing, the next change reads afresh (and so completes it). */
  private void forgetUnless(boolean done, String gameId) {
    if (!done) {
      recent.forget(gameId);
    }
  }

  private static CompletableFuture<Outcome> finish(Outcome outcome, ClixException refusal) {
    return refusal == null ? CompletableFuture.completedFuture(outcome) : CompletableFuture.failedFuture(refusal);
  }

  /**
   * A jittered pause of up to 50 ms between optimistic retries, on the orchestrator's scheduler; none
   * on a {@link ManualClock}, where time does not pass by itself (a conflicting write has already
   * landed, so the retry can go at once).
   */
  private Duration backoff(int attempt) {
    if (clock instanceof ManualClock) {
      return Duration.ZERO;
    }
    long cap = Math.min(50, 2L * attempt);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
  }

  /**
   * Writes state + events conditional on the version and markers read (and on {@code held} still
   * being the stored token, when given); false on a conflict.
   */
  private CompletableFuture<Boolean> write(String gameId, GameItem item, GameState after, List<GameEvent> events,
      RecentGames.Held held) {
    Map<String, String> names = new HashMap<>(Map.of("#state", Attributes.STATE, "#version", Attributes.VERSION,
        "#status", Attributes.STATUS, "#round", Attributes.ROUND, "#point", Attributes.POINT,
        "#fired", Attributes.FIRED, "#schedule", Attributes.SCHEDULE));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(ItemCodec.storedStateJson(after)),
        ":version", n(after.version()), ":status", s(after.status().name()), ":round", n(after.round()),
        ":point", s(WaitPoint.current(after)), ":expected", n(item.state().version()),
        ":fired", n(item.fired().size()), ":schedule", TimerSchedule.attribute(after)));
    String set = "SET #state = :state, #version = :version, #status = :status, #round = :round, #point = :point"
        + ", #schedule = :schedule";
    if (after.status().isEnded() && after.endedAt() != null) {
      set += ", #expiresAt = :expiresAt";
      names.put("#expiresAt", Attributes.EXPIRES_AT);
      values.put(":expiresAt", n(after.endedAt().plus(retention).getEpochSecond()));
    }
    String condition = "#version = :expected AND size(#fired) = :fired";
    if (!head(item.state()).equals(head(after))) {
      // A new head: the execution's count of returns to the same head starts again (see GameItemSchema.WAKES).
      set += ", #wakes = :zero";
      names.put("#wakes", Attributes.WAKES);
      values.put(":zero", n(0));
    }
    if (held != null) {
      condition += " AND #token = :held";
      names.put("#token", Attributes.WAIT_TOKEN);
      values.put(":held", s(held.token()));
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().update(Update.builder()
        .tableName(table).key(key(gameId, 0))
        .updateExpression(set)
        .conditionExpression(condition)
        .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
    events.forEach(e -> writes.add(eventPut(gameId, after, e)));
    return transact(gameId, writes);
  }

  /** The schedule's head (point and instant), or empty if the game fires no timer from this state. */
  private static List<Object> head(GameState s) {
    List<TimerSchedule.Tick> ticks = TimerSchedule.of(s);
    return ticks.isEmpty() ? List.of() : List.of(ticks.get(0).point(), ticks.get(0).at());
  }

  private TransactWriteItem eventPut(String gameId, GameState s, GameEvent e) {
    Map<String, AttributeValue> item = new HashMap<>(key(gameId, e.sequence()));
    item.put(Attributes.EVENT, s(json(e)));
    if (e.type() == EventType.MOVE_ACCEPTED) {
      // The payload of a move of the open round lives here, not in the game item (see MovePayloads).
      e.playerId().map(p -> s.moves().get(p)).filter(m -> m.sequence() == e.sequence())
          .ifPresent(m -> item.put(Attributes.MOVE, s(json(m.move()))));
    }
    item.put(Attributes.EXPIRES_AT, n(eventsExpire(s).getEpochSecond()));
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", Attributes.PK)).build()).build();
  }

  /** Events outlive the longest the game can last, plus the retention. */
  private Instant eventsExpire(GameState s) {
    GameSpec spec = s.spec();
    return s.createdAt().plus(GameTimers.longest(spec)).plus(retention);
  }

  private CompletableFuture<Boolean> transact(String gameId, List<TransactWriteItem> writes) {
    return calls.transactWriteItems(gameId, TransactWriteItemsRequest.builder().transactItems(writes).build());
  }

  /** What {@link #create} did: whether this call created the game, and the game now. */
  public record Created(boolean fresh, GameState state) {}

  /**
   * Writes a new game (item + its created event) if the id is free; an existing game with the same
   * spec is returned as it is, one with another spec fails with {@link GameAlreadyExistsException}.
   */
  public CompletableFuture<Created> create(String gameId, GameSpec spec) {
    Step step = GameRules.create(gameId, spec, clock.instant());
    GameState s = step.state();
    GameSpec stored = s.spec(); // checked and in canonical form
    Map<String, AttributeValue> item = new HashMap<>(key(gameId, 0));
    item.put(Attributes.STATE, s(ItemCodec.storedStateJson(s)));
    item.put(Attributes.VERSION, n(s.version()));
    item.put(Attributes.STATUS, s(s.status().name()));
    item.put(Attributes.ROUND, n(s.round()));
    item.put(Attributes.POINT, s(WaitPoint.current(s)));
    item.put(Attributes.FIRED, AttributeValue.fromM(Map.of()));
    item.put(Attributes.SCHEDULE, TimerSchedule.attribute(s));
    item.put(Attributes.SPEC, s(json(stored)));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
        .conditionExpression("attribute_not_exists(#pk)")
        .expressionAttributeNames(Map.of("#pk", Attributes.PK)).build()).build());
    step.events().forEach(e -> writes.add(eventPut(gameId, s, e)));
    return transact(gameId, writes).thenCompose(written -> {
      if (written) {
        recent.saw(gameId, new GameItem(s, Map.of(), null, json(stored)));
        return sink.written(gameId, 0, step.events()).thenApply(v -> new Created(true, s));
      }
      return update(gameId, existing -> {
        if (!existing.spec().equals(stored)) {
          throw new GameAlreadyExistsException("game " + gameId + " exists with a different spec", gameId);
        }
        return new Step(existing, List.of());
      }).thenApply(o -> new Created(false, o.after()));
    });
  }

  /** Deletes a game this call just created (its execution could not start); only while untouched. */
  public CompletableFuture<Void> undoCreate(String gameId) {
    recent.forget(gameId);
    List<TransactWriteItem> deletes = List.of(
        TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(gameId, 0))
            .conditionExpression("#version = :one")
            .expressionAttributeNames(Map.of("#version", Attributes.VERSION))
            .expressionAttributeValues(Map.of(":one", n(1))).build()).build(),
        TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(gameId, 1)).build()).build());
    return transact(gameId, deletes).thenApply(ok -> null);
  }
}
