package io.clix.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.InvalidRequestException.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a game is to be: its id (optional; one is generated otherwise), seats, the minimum to start,
 * the lobby timeout, the rounds and their timeout, how players move in a round ({@link PlayMode}),
 * what a missed move does ({@link MissPolicy}), and free JSON metadata. Build one with
 * {@link #builder()}; {@code build()} throws {@link InvalidGameSpecException} listing every rule
 * the spec breaks.
 *
 * <pre>{@code
 * GameSpec spec = GameSpec.builder()
 *     .gameId("table-42").capacity(4).minPlayers(2)
 *     .lobbyTimeout(Duration.ofSeconds(20))
 *     .rounds(3).roundTimeout(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 *
 * <p>A {@link PlayMode#TURNS} game plays its rounds turn by turn, each active player in seat order
 * with {@code turnTimeout} to move; its rounds have no deadline of their own ({@code roundTimeout}
 * is not used):
 *
 * <pre>{@code
 * GameSpec chess = GameSpec.builder()
 *     .capacity(2).playMode(PlayMode.TURNS).turnTimeout(Duration.ofMinutes(5)).rotateFirstSeat(true)
 *     .rounds(40)
 *     .build();
 * }</pre>
 *
 * <p>A game runs in one Step Functions Standard execution, so {@code lobbyTimeout + rounds ×
 * roundTimeout} (in TURNS mode {@code lobbyTimeout + rounds × capacity × turnTimeout}) is at most
 * {@link Limits#MAX_GAME_DURATION}, the rounds at most {@link Limits#MAX_ROUNDS}, and the history
 * of its waits (one per round, or one per turn) within the execution's event limit (see {@link
 * Limits#MAX_ROUNDS}).
 *
 * <p>Defaults: capacity 4, minimum 2 (or the capacity if smaller), lobby timeout 60 s, 1 round,
 * round timeout 60 s, play mode {@link PlayMode#SIMULTANEOUS}, turn timeout 60 s, first seat not
 * rotating, {@link MissPolicy#defaults()}, metadata {@code {}}. The play mode and its two options
 * appear in the spec's JSON only for a TURNS game (a SIMULTANEOUS spec keeps the turn options at
 * their defaults), the miss policy only when it is not the default. The metadata is kept as {@link ClixJson#canonical} gives
 * it, so a spec read back from any orchestrator equals the one built. A spec is immutable: the
 * builder copies the metadata in, and {@link #metadata()} hands out a copy. Jackson reads a spec
 * through the same checks ({@link ClixJson#mapper()} round-trips it).
 */
@JsonPropertyOrder({"gameId", "capacity", "minPlayers", "lobbyTimeout", "rounds", "roundTimeout", "playMode",
    "turnTimeout", "rotateFirstSeat", "missPolicy", "metadata"})
public final class GameSpec {

  @JsonProperty("gameId")
  private final String gameId;
  @JsonProperty("capacity")
  private final int capacity;
  @JsonProperty("minPlayers")
  private final int minPlayers;
  @JsonProperty("lobbyTimeout")
  private final Duration lobbyTimeout;
  @JsonProperty("rounds")
  private final int rounds;
  @JsonProperty("roundTimeout")
  private final Duration roundTimeout;
  @JsonProperty("metadata")
  private final JsonNode metadata;
  private final PlayMode playMode;
  private final Duration turnTimeout;
  private final boolean rotateFirstSeat;
  private final MissPolicy missPolicy;

  private GameSpec(Builder b, int minPlayers, JsonNode canonicalMetadata) {
    this.gameId = b.gameId;
    this.capacity = b.capacity;
    this.minPlayers = minPlayers;
    this.lobbyTimeout = b.lobbyTimeout;
    this.rounds = b.rounds;
    this.roundTimeout = b.roundTimeout;
    this.metadata = canonicalMetadata;
    boolean turns = b.playMode == PlayMode.TURNS;
    this.playMode = b.playMode;
    this.turnTimeout = turns ? b.turnTimeout : Builder.DEFAULT_TIMEOUT;
    this.rotateFirstSeat = turns && b.rotateFirstSeat;
    this.missPolicy = b.missPolicy;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The caller's id for the game: 1 to 80 of {@code A-Z a-z 0-9 _ -}, a valid execution name. */
  public Optional<String> gameId() {
    return Optional.ofNullable(gameId);
  }

  /** How many seats the lobby has; the game starts by itself when they are all taken. */
  public int capacity() {
    return capacity;
  }

  /** How many seated players {@code startNow} and the lobby timeout need to start the game. */
  public int minPlayers() {
    return minPlayers;
  }

  /** How long the lobby waits; then the game starts if the minimum is met, else is cancelled. */
  public Duration lobbyTimeout() {
    return lobbyTimeout;
  }

  /** How many rounds the game plays; the game finishes when the last one closes. */
  public int rounds() {
    return rounds;
  }

  /**
   * How long a round waits for moves; then it closes with the missing moves recorded. Not used in a
   * {@link PlayMode#TURNS} game, whose turns have deadlines instead.
   */
  public Duration roundTimeout() {
    return roundTimeout;
  }

  /** How the players move in a round: all at once, or one at a time. */
  public PlayMode playMode() {
    return playMode;
  }

  /**
   * In a {@link PlayMode#TURNS} game, how long each turn waits for its player's move; then the turn
   * ends as missed and the next one opens.
   */
  public Duration turnTimeout() {
    return turnTimeout;
  }

  /**
   * In a {@link PlayMode#TURNS} game, whether the first turn of each round passes to the next seat
   * (round 1 starts with the lowest seat, round 2 with the second, ...); otherwise every round starts
   * with the lowest seat still playing.
   */
  public boolean rotateFirstSeat() {
    return rotateFirstSeat;
  }

  /** What a missed move does: {@link MissPolicy#defaults()} records it and moves on. */
  public MissPolicy missPolicy() {
    return missPolicy;
  }

  @JsonProperty("missPolicy")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private MissPolicy missPolicyJson() {
    return missPolicy.equals(MissPolicy.defaults()) ? null : missPolicy;
  }

  @JsonProperty("playMode")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private PlayMode playModeJson() {
    return playMode == PlayMode.TURNS ? playMode : null;
  }

  @JsonProperty("turnTimeout")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Duration turnTimeoutJson() {
    return playMode == PlayMode.TURNS ? turnTimeout : null;
  }

  @JsonProperty("rotateFirstSeat")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Boolean rotateFirstSeatJson() {
    return playMode == PlayMode.TURNS ? rotateFirstSeat : null;
  }

  /**
   * Free JSON the backend keeps with the game (an object, at most {@link Limits#MAX_METADATA_BYTES}).
   * Each call returns a fresh deep copy: changing it changes neither this spec nor the next call's answer.
   */
  public JsonNode metadata() {
    return metadata.deepCopy();
  }

  @Override
  public boolean equals(Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof GameSpec o
        && Objects.equals(gameId, o.gameId)
        && capacity == o.capacity
        && minPlayers == o.minPlayers
        && lobbyTimeout.equals(o.lobbyTimeout)
        && rounds == o.rounds
        && roundTimeout.equals(o.roundTimeout)
        && playMode == o.playMode
        && turnTimeout.equals(o.turnTimeout)
        && rotateFirstSeat == o.rotateFirstSeat
        && missPolicy.equals(o.missPolicy)
        && metadata.equals(o.metadata);
  }

  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + Objects.hashCode(gameId);
    h += (h << 5) + capacity;
    h += (h << 5) + minPlayers;
    h += (h << 5) + lobbyTimeout.hashCode();
    h += (h << 5) + rounds;
    h += (h << 5) + roundTimeout.hashCode();
    if (playMode == PlayMode.TURNS) {
      h += (h << 5) + playMode.hashCode();
      h += (h << 5) + turnTimeout.hashCode();
      h += (h << 5) + Boolean.hashCode(rotateFirstSeat);
    }
    if (!missPolicy.equals(MissPolicy.defaults())) {
      h += (h << 5) + missPolicy.hashCode();
    }
    h += (h << 5) + metadata.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "GameSpec{" + (gameId == null ? "" : "gameId=" + gameId + ", ")
        + "capacity=" + capacity + ", minPlayers=" + minPlayers + ", lobbyTimeout=" + lobbyTimeout
        + ", rounds=" + rounds + ", roundTimeout=" + roundTimeout
        + (playMode == PlayMode.TURNS ? ", playMode=TURNS, turnTimeout=" + turnTimeout + ", rotateFirstSeat="
            + rotateFirstSeat : "")
        + (missPolicy.equals(MissPolicy.defaults()) ? "" : ", missPolicy=" + missPolicy)
        + ", metadata=" + metadata + "}";
  }

  /** Reads a spec from JSON: an absent or {@code null} property takes its default; then the builder's checks. */
  @JsonCreator
  static GameSpec fromJson(@JsonProperty("gameId") Optional<String> gameId,
      @JsonProperty("capacity") Integer capacity, @JsonProperty("minPlayers") Integer minPlayers,
      @JsonProperty("lobbyTimeout") Duration lobbyTimeout, @JsonProperty("rounds") Integer rounds,
      @JsonProperty("roundTimeout") Duration roundTimeout, @JsonProperty("playMode") PlayMode playMode,
      @JsonProperty("turnTimeout") Duration turnTimeout, @JsonProperty("rotateFirstSeat") Boolean rotateFirstSeat,
      @JsonProperty("missPolicy") MissPolicy missPolicy, @JsonProperty("metadata") JsonNode metadata) {
    Builder b = builder();
    if (gameId != null) {
      b.gameId(gameId);
    }
    if (capacity != null) {
      b.capacity(capacity);
    }
    if (minPlayers != null) {
      b.minPlayers(minPlayers);
    }
    if (lobbyTimeout != null) {
      b.lobbyTimeout(lobbyTimeout);
    }
    if (rounds != null) {
      b.rounds(rounds);
    }
    if (roundTimeout != null) {
      b.roundTimeout(roundTimeout);
    }
    if (playMode != null) {
      b.playMode(playMode);
    }
    if (turnTimeout != null) {
      b.turnTimeout(turnTimeout);
    }
    if (rotateFirstSeat != null) {
      b.rotateFirstSeat(rotateFirstSeat);
    }
    if (missPolicy != null) {
      b.missPolicy(missPolicy);
    }
    if (metadata != null) {
      b.metadata(metadata);
    }
    return b.build();
  }

  /**
   * Builds a {@link GameSpec}; every setter returns this builder. The setters take anything, {@code null}
   * included; {@link #build()} checks it all and throws {@link InvalidGameSpecException} listing every rule
   * broken, a {@code null} given for a field as that field's "must not be null" violation (use
   * {@code gameId(Optional.empty())} for no id). The metadata is copied in: changing the node given afterwards
   * changes no spec built.
   */
  public static final class Builder {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private String gameId;
    private boolean gameIdNull;
    private int capacity = 4;
    private Integer minPlayers;
    private Duration lobbyTimeout = DEFAULT_TIMEOUT;
    private int rounds = 1;
    private Duration roundTimeout = DEFAULT_TIMEOUT;
    private PlayMode playMode = PlayMode.SIMULTANEOUS;
    private Duration turnTimeout = DEFAULT_TIMEOUT;
    private boolean rotateFirstSeat;
    private MissPolicy missPolicy = MissPolicy.defaults();
    private JsonNode metadata = JsonNodeFactory.instance.objectNode();

    Builder() {}

    /** Sets every field from {@code instance}, except that an absent id does not replace one set here. */
    public Builder from(GameSpec instance) {
      Objects.requireNonNull(instance, "instance");
      if (instance.gameId != null) {
        gameId(instance.gameId);
      }
      capacity = instance.capacity;
      minPlayers = instance.minPlayers;
      lobbyTimeout = instance.lobbyTimeout;
      rounds = instance.rounds;
      roundTimeout = instance.roundTimeout;
      playMode = instance.playMode;
      turnTimeout = instance.turnTimeout;
      rotateFirstSeat = instance.rotateFirstSeat;
      missPolicy = instance.missPolicy;
      metadata = instance.metadata; // canonical and never handed out: no copy needed
      return this;
    }

    /** The game's id ({@code null} is refused by {@link #build()}). */
    public Builder gameId(String gameId) {
      this.gameId = gameId;
      this.gameIdNull = gameId == null;
      return this;
    }

    /** The game's id, or none: one is generated when the game is created. */
    public Builder gameId(Optional<String> gameId) {
      this.gameIdNull = gameId == null;
      this.gameId = gameId == null ? null : gameId.orElse(null);
      return this;
    }

    public Builder capacity(int capacity) {
      this.capacity = capacity;
      return this;
    }

    /** The minimum to start; by default 2, or the capacity if smaller. */
    public Builder minPlayers(int minPlayers) {
      this.minPlayers = minPlayers;
      return this;
    }

    public Builder lobbyTimeout(Duration lobbyTimeout) {
      this.lobbyTimeout = lobbyTimeout;
      return this;
    }

    public Builder rounds(int rounds) {
      this.rounds = rounds;
      return this;
    }

    public Builder roundTimeout(Duration roundTimeout) {
      this.roundTimeout = roundTimeout;
      return this;
    }

    /** How the players move in a round; {@link PlayMode#SIMULTANEOUS} by default. */
    public Builder playMode(PlayMode playMode) {
      this.playMode = playMode;
      return this;
    }

    /** Each turn's timeout in a {@link PlayMode#TURNS} game (whole seconds, 1 s to 365 days); 60 s by default. */
    public Builder turnTimeout(Duration turnTimeout) {
      this.turnTimeout = turnTimeout;
      return this;
    }

    /** Whether the first turn passes to the next seat each round, in a {@link PlayMode#TURNS} game. */
    public Builder rotateFirstSeat(boolean rotateFirstSeat) {
      this.rotateFirstSeat = rotateFirstSeat;
      return this;
    }

    /** What a missed move does; {@link MissPolicy#defaults()} by default. */
    public Builder missPolicy(MissPolicy missPolicy) {
      this.missPolicy = missPolicy;
      return this;
    }

    /** The metadata, copied when built; a JSON object. */
    public Builder metadata(JsonNode metadata) {
      this.metadata = metadata;
      return this;
    }

    /**
     * The spec, its metadata a fresh node in {@link ClixJson#canonical} form.
     *
     * @throws InvalidGameSpecException listing every rule the fields break, a field given {@code null} included
     */
    public GameSpec build() {
      List<Violation> nulls = new ArrayList<>();
      if (gameIdNull) {
        nulls.add(new Violation("gameId", "must not be null (use Optional.empty() for none)"));
      }
      int min = minPlayers != null ? minPlayers : Math.min(2, capacity);
      if (playMode == null) {
        nulls.add(new Violation("playMode", "must not be null"));
      }
      boolean turns = playMode == PlayMode.TURNS;
      if (missPolicy == null) {
        nulls.add(new Violation("missPolicy", "must not be null"));
      } else if (missPolicy.timeoutAfterMiss().isPresent()) {
        Duration shorter = missPolicy.timeoutAfterMiss().get();
        if (!turns) {
          nulls.add(new Violation("missPolicy.timeoutAfterMiss", "needs playMode TURNS: only turns have a"
              + " deadline per player"));
        } else if (turnTimeout != null && shorter.compareTo(turnTimeout) > 0) {
          nulls.add(new Violation("missPolicy.timeoutAfterMiss", "must not exceed turnTimeout " + turnTimeout
              + ", was " + shorter));
        }
      }
      RequestRules.checkSpec(gameId, capacity, min, lobbyTimeout, rounds, roundTimeout, turns ? turnTimeout : null,
          metadata, nulls);
      return new GameSpec(this, min, ClixJson.canonical(metadata));
    }
  }
}
