package io.clix.core;

import com.fasterxml.jackson.annotation.JsonCreator;
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
 * the lobby timeout, the rounds and their timeout, and free JSON metadata. Build one with
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
 * <p>A game runs in one Step Functions Standard execution, so {@code lobbyTimeout + rounds ×
 * roundTimeout} is at most {@link Limits#MAX_GAME_DURATION} and the rounds at most
 * {@link Limits#MAX_ROUNDS} (which keeps its history within the execution's event limit).
 *
 * <p>Defaults: capacity 4, minimum 2 (or the capacity if smaller), lobby timeout 60 s, 1 round,
 * round timeout 60 s, metadata {@code {}}. The metadata is kept as {@link ClixJson#canonical} gives
 * it, so a spec read back from any orchestrator equals the one built. A spec is immutable: the
 * builder copies the metadata in, and {@link #metadata()} hands out a copy. Jackson reads a spec
 * through the same checks ({@link ClixJson#mapper()} round-trips it).
 */
@JsonPropertyOrder({"gameId", "capacity", "minPlayers", "lobbyTimeout", "rounds", "roundTimeout", "metadata"})
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

  private GameSpec(Builder b, int minPlayers, JsonNode canonicalMetadata) {
    this.gameId = b.gameId;
    this.capacity = b.capacity;
    this.minPlayers = minPlayers;
    this.lobbyTimeout = b.lobbyTimeout;
    this.rounds = b.rounds;
    this.roundTimeout = b.roundTimeout;
    this.metadata = canonicalMetadata;
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

  /** How long a round waits for moves; then it closes with the missing moves recorded. */
  public Duration roundTimeout() {
    return roundTimeout;
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
    h += (h << 5) + metadata.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "GameSpec{" + (gameId == null ? "" : "gameId=" + gameId + ", ")
        + "capacity=" + capacity + ", minPlayers=" + minPlayers + ", lobbyTimeout=" + lobbyTimeout
        + ", rounds=" + rounds + ", roundTimeout=" + roundTimeout + ", metadata=" + metadata + "}";
  }

  /** Reads a spec from JSON: an absent or {@code null} property takes its default; then the builder's checks. */
  @JsonCreator
  static GameSpec fromJson(@JsonProperty("gameId") Optional<String> gameId,
      @JsonProperty("capacity") Integer capacity, @JsonProperty("minPlayers") Integer minPlayers,
      @JsonProperty("lobbyTimeout") Duration lobbyTimeout, @JsonProperty("rounds") Integer rounds,
      @JsonProperty("roundTimeout") Duration roundTimeout, @JsonProperty("metadata") JsonNode metadata) {
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
      RequestRules.checkSpec(gameId, capacity, min, lobbyTimeout, rounds, roundTimeout, metadata, nulls);
      return new GameSpec(this, min, ClixJson.canonical(metadata));
    }
  }
}
