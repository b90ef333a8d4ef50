package io.clix.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of one game: status, players, the open round and its deadline (in a {@link
 * PlayMode#TURNS} game, whose turn it is and until when), the board a {@link GameLogic} keeps, and
 * the version (the sequence number of the game's latest event). Safe to hand to game clients: it
 * never carries a task token. Its lists are unmodifiable, and {@link #result()} hands out a copy.
 */
@JsonPropertyOrder({"gameId", "spec", "status", "players", "currentRound", "roundDeadline", "movedPlayers",
    "lobbyDeadline", "createdAt", "startedAt", "endedAt", "result", "cancelReason", "version", "turnPlayer",
        "turnDeadline", "board"})
public final class GameView {

  @JsonProperty("gameId")
  private final String gameId;
  @JsonProperty("spec")
  private final GameSpec spec;
  @JsonProperty("status")
  private final GameStatus status;
  @JsonProperty("players")
  private final List<Player> players;
  @JsonProperty("currentRound")
  private final int currentRound;
  @JsonProperty("roundDeadline")
  private final Instant roundDeadline;
  @JsonProperty("movedPlayers")
  private final List<String> movedPlayers;
  @JsonProperty("lobbyDeadline")
  private final Instant lobbyDeadline;
  @JsonProperty("createdAt")
  private final Instant createdAt;
  @JsonProperty("startedAt")
  private final Instant startedAt;
  @JsonProperty("endedAt")
  private final Instant endedAt;
  @JsonProperty("result")
  private final JsonNode result;
  @JsonProperty("cancelReason")
  private final String cancelReason;
  @JsonProperty("version")
  private final long version;
  @JsonProperty("turnPlayer")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final String turnPlayer;
  @JsonProperty("turnDeadline")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final Instant turnDeadline;
  @JsonProperty("board")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final JsonNode board;
  private final List<String> activePlayerIds;

  private GameView(Builder b) {
    this.gameId = b.gameId;
    this.spec = b.spec;
    this.status = b.status;
    this.players = List.copyOf(b.players);
    this.currentRound = b.currentRound;
    this.roundDeadline = b.roundDeadline;
    this.movedPlayers = List.copyOf(b.movedPlayers);
    this.lobbyDeadline = b.lobbyDeadline;
    this.createdAt = b.createdAt;
    this.startedAt = b.startedAt;
    this.endedAt = b.endedAt;
    // JSON null as result is no result: a view read back from JSON equals the one written.
    this.result = b.result == null || b.result.isNull() ? null : b.result.deepCopy();
    this.cancelReason = b.cancelReason;
    this.version = b.version;
    this.turnPlayer = b.turnPlayer;
    this.turnDeadline = b.turnDeadline;
    this.board = b.board == null || b.board.isNull() ? null : b.board.deepCopy();
    this.activePlayerIds = players.stream().filter(Player::active).map(Player::playerId).toList();
  }

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The game's id. */
  public String gameId() {
    return gameId;
  }

  /** The spec the game was created with (its id filled in). */
  public GameSpec spec() {
    return spec;
  }

  /** Where the game is in its life. */
  public GameStatus status() {
    return status;
  }

  /** Seated players in seat order, including those who left after the start ({@code active == false}). */
  public List<Player> players() {
    return players;
  }

  /** The open round, from 1; 0 before the first round opens and after the game ended. */
  public int currentRound() {
    return currentRound;
  }

  /** When the open round closes if moves are missing. */
  public Optional<Instant> roundDeadline() {
    return Optional.ofNullable(roundDeadline);
  }

  /** The players who have moved in the open round, in seat order. */
  public List<String> movedPlayers() {
    return movedPlayers;
  }

  /** When the lobby times out, while the game is in the lobby. */
  public Optional<Instant> lobbyDeadline() {
    return Optional.ofNullable(lobbyDeadline);
  }

  /** When the game was created. */
  public Instant createdAt() {
    return createdAt;
  }

  /** When the game started, once started. */
  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  /** When the game ended, once ended. */
  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  /**
   * The result given to {@code finish}, once finished that way. Each call returns a fresh deep copy: changing
   * it changes neither this view nor the next call's answer.
   */
  public Optional<JsonNode> result() {
    return result == null ? Optional.empty() : Optional.of(result.deepCopy());
  }

  /** Why the game was cancelled, once cancelled. */
  public Optional<String> cancelReason() {
    return Optional.ofNullable(cancelReason);
  }

  /** The sequence number of the game's latest event; grows with every change. */
  public long version() {
    return version;
  }

  /**
   * In a {@link PlayMode#TURNS} game, the player whose turn is open; empty in the lobby, between
   * turns, after the end and in a SIMULTANEOUS game (the JSON then has no {@code turnPlayer}).
   */
  public Optional<String> turnPlayer() {
    return Optional.ofNullable(turnPlayer);
  }

  /** When the open turn ends as missed if its player does not move; present with {@link #turnPlayer()}. */
  public Optional<Instant> turnDeadline() {
    return Optional.ofNullable(turnDeadline);
  }

  /**
   * The board the orchestrator's {@link GameLogic} keeps for this game, once its first move came; empty
   * without one (the JSON then has no {@code board}). A fresh deep copy each call.
   */
  public Optional<JsonNode> board() {
    return board == null ? Optional.empty() : Optional.of(board.deepCopy());
  }

  /** The ids of players still in the game, in seat order. */
  public List<String> activePlayerIds() {
    return activePlayerIds;
  }

  /** The player with this id, if seated. */
  public Optional<Player> player(String playerId) {
    return players().stream().filter(p -> p.playerId().equals(playerId)).findFirst();
  }

  @Override
  public boolean equals(Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof GameView o
        && gameId.equals(o.gameId)
        && spec.equals(o.spec)
        && status.equals(o.status)
        && players.equals(o.players)
        && currentRound == o.currentRound
        && Objects.equals(roundDeadline, o.roundDeadline)
        && movedPlayers.equals(o.movedPlayers)
        && Objects.equals(lobbyDeadline, o.lobbyDeadline)
        && createdAt.equals(o.createdAt)
        && Objects.equals(startedAt, o.startedAt)
        && Objects.equals(endedAt, o.endedAt)
        && Objects.equals(result, o.result)
        && Objects.equals(cancelReason, o.cancelReason)
        && version == o.version
        && Objects.equals(turnPlayer, o.turnPlayer)
        && Objects.equals(turnDeadline, o.turnDeadline)
        && Objects.equals(board, o.board);
  }

  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + gameId.hashCode();
    h += (h << 5) + spec.hashCode();
    h += (h << 5) + status.hashCode();
    h += (h << 5) + players.hashCode();
    h += (h << 5) + currentRound;
    h += (h << 5) + Objects.hashCode(roundDeadline);
    h += (h << 5) + movedPlayers.hashCode();
    h += (h << 5) + Objects.hashCode(lobbyDeadline);
    h += (h << 5) + createdAt.hashCode();
    h += (h << 5) + Objects.hashCode(startedAt);
    h += (h << 5) + Objects.hashCode(endedAt);
    h += (h << 5) + Objects.hashCode(result);
    h += (h << 5) + Objects.hashCode(cancelReason);
    h += (h << 5) + Long.hashCode(version);
    h += (h << 5) + Objects.hashCode(turnPlayer);
    h += (h << 5) + Objects.hashCode(turnDeadline);
    h += (h << 5) + Objects.hashCode(board);
    h += (h << 5) + activePlayerIds.hashCode();
    return h;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("GameView{gameId=").append(gameId).append(", spec=").append(spec)
        .append(", status=").append(status).append(", players=").append(players)
        .append(", currentRound=").append(currentRound);
    optional(s, "roundDeadline", roundDeadline).append(", movedPlayers=").append(movedPlayers);
    optional(s, "lobbyDeadline", lobbyDeadline).append(", createdAt=").append(createdAt);
    optional(s, "startedAt", startedAt);
    optional(s, "endedAt", endedAt);
    optional(s, "result", result);
    optional(s, "cancelReason", cancelReason);
    s.append(", version=").append(version);
    optional(s, "turnPlayer", turnPlayer);
    optional(s, "turnDeadline", turnDeadline);
    optional(s, "board", board);
    return s.append(", activePlayerIds=").append(activePlayerIds)
        .append('}').toString();
  }

  private static StringBuilder optional(StringBuilder s, String name, Object value) {
    return value == null ? s : s.append(", ").append(name).append('=').append(value);
  }

  /** Reads a view from JSON: an absent or {@code null} property is not set. */
  @JsonCreator
  static GameView fromJson(@JsonProperty("gameId") String gameId, @JsonProperty("spec") GameSpec spec,
      @JsonProperty("status") GameStatus status, @JsonProperty("players") List<Player> players,
      @JsonProperty("currentRound") Integer currentRound,
      @JsonProperty("roundDeadline") Optional<Instant> roundDeadline,
      @JsonProperty("movedPlayers") List<String> movedPlayers,
      @JsonProperty("lobbyDeadline") Optional<Instant> lobbyDeadline, @JsonProperty("createdAt") Instant createdAt,
      @JsonProperty("startedAt") Optional<Instant> startedAt, @JsonProperty("endedAt") Optional<Instant> endedAt,
      @JsonProperty("result") Optional<JsonNode> result, @JsonProperty("cancelReason") Optional<String> cancelReason,
      @JsonProperty("version") Long version, @JsonProperty("turnPlayer") Optional<String> turnPlayer,
      @JsonProperty("turnDeadline") Optional<Instant> turnDeadline, @JsonProperty("board") Optional<JsonNode> board) {
    Builder b = builder();
    if (gameId != null) {
      b.gameId(gameId);
    }
    if (spec != null) {
      b.spec(spec);
    }
    if (status != null) {
      b.status(status);
    }
    if (players != null) {
      b.addAllPlayers(players);
    }
    if (currentRound != null) {
      b.currentRound(currentRound);
    }
    if (roundDeadline != null) {
      b.roundDeadline(roundDeadline);
    }
    if (movedPlayers != null) {
      b.addAllMovedPlayers(movedPlayers);
    }
    if (lobbyDeadline != null) {
      b.lobbyDeadline(lobbyDeadline);
    }
    if (createdAt != null) {
      b.createdAt(createdAt);
    }
    if (startedAt != null) {
      b.startedAt(startedAt);
    }
    if (endedAt != null) {
      b.endedAt(endedAt);
    }
    if (result != null) {
      b.result(result);
    }
    if (cancelReason != null) {
      b.cancelReason(cancelReason);
    }
    if (version != null) {
      b.version(version);
    }
    if (turnPlayer != null) {
      b.turnPlayer(turnPlayer);
    }
    if (turnDeadline != null) {
      b.turnDeadline(turnDeadline);
    }
    if (board != null) {
      b.board(board);
    }
    return b.build();
  }

  /**
   * Builds a {@link GameView} (orchestrators build views; tests may too); every setter returns this builder.
   * {@code gameId}, {@code spec}, {@code status}, {@code createdAt} and {@code version} are required;
   * {@link #build()} throws {@link IllegalStateException} naming every attribute not set or set to {@code null}
   * (an optional one, a list or a list element included: use {@code Optional.empty()} for none). The result
   * is copied when built; JSON {@code null} is no result.
   */
  public static final class Builder {
    private String gameId;
    private GameSpec spec;
    private GameStatus status;
    private final List<Player> players = new ArrayList<>();
    private int currentRound;
    private Instant roundDeadline;
    private final List<String> movedPlayers = new ArrayList<>();
    private Instant lobbyDeadline;
    private Instant createdAt;
    private Instant startedAt;
    private Instant endedAt;
    private JsonNode result;
    private String cancelReason;
    private long version;
    private boolean versionSet;
    private String turnPlayer;
    private Instant turnDeadline;
    private JsonNode board;
    /** Attributes last given null where null is not allowed (an optional one: use Optional.empty()). */
    private final Set<String> nulls = new LinkedHashSet<>();

    Builder() {}

    /**
     * Sets every attribute from {@code instance}: its players and moved players are added to those here, and
     * its absent optional attributes do not replace those set here.
     */
    public Builder from(GameView instance) {
      Objects.requireNonNull(instance, "instance");
      gameId(instance.gameId);
      spec(instance.spec);
      status(instance.status);
      addAllPlayers(instance.players);
      currentRound(instance.currentRound);
      if (instance.roundDeadline != null) {
        roundDeadline(instance.roundDeadline);
      }
      addAllMovedPlayers(instance.movedPlayers);
      if (instance.lobbyDeadline != null) {
        lobbyDeadline(instance.lobbyDeadline);
      }
      createdAt(instance.createdAt);
      if (instance.startedAt != null) {
        startedAt(instance.startedAt);
      }
      if (instance.endedAt != null) {
        endedAt(instance.endedAt);
      }
      if (instance.result != null) {
        result(instance.result);
      }
      if (instance.cancelReason != null) {
        cancelReason(instance.cancelReason);
      }
      version(instance.version);
      if (instance.turnPlayer != null) {
        turnPlayer(instance.turnPlayer);
      }
      if (instance.turnDeadline != null) {
        turnDeadline(instance.turnDeadline);
      }
      if (instance.board != null) {
        board(instance.board);
      }
      return this;
    }

    public Builder gameId(String gameId) {
      this.gameId = gameId;
      return this;
    }

    public Builder spec(GameSpec spec) {
      this.spec = spec;
      return this;
    }

    public Builder status(GameStatus status) {
      this.status = status;
      return this;
    }

    public Builder addPlayers(Player element) {
      players.add(element);
      return this;
    }

    public Builder addPlayers(Player... elements) {
      return addAllPlayers(elements == null ? null : Arrays.asList(elements));
    }

    /** Replaces the players. */
    public Builder players(Iterable<? extends Player> elements) {
      players.clear();
      nulls.remove("players");
      return addAllPlayers(elements);
    }

    public Builder addAllPlayers(Iterable<? extends Player> elements) {
      if (elements == null) {
        nulls.add("players");
        return this;
      }
      elements.forEach(players::add);
      return this;
    }

    public Builder currentRound(int currentRound) {
      this.currentRound = currentRound;
      return this;
    }

    public Builder roundDeadline(Instant roundDeadline) {
      this.roundDeadline = roundDeadline;
      return given("roundDeadline", roundDeadline);
    }

    public Builder roundDeadline(Optional<? extends Instant> roundDeadline) {
      this.roundDeadline = roundDeadline == null ? null : roundDeadline.orElse(null);
      return given("roundDeadline", roundDeadline);
    }

    public Builder addMovedPlayers(String element) {
      movedPlayers.add(element);
      return this;
    }

    public Builder addMovedPlayers(String... elements) {
      return addAllMovedPlayers(elements == null ? null : Arrays.asList(elements));
    }

    /** Replaces the moved players. */
    public Builder movedPlayers(Iterable<String> elements) {
      movedPlayers.clear();
      nulls.remove("movedPlayers");
      return addAllMovedPlayers(elements);
    }

    public Builder addAllMovedPlayers(Iterable<String> elements) {
      if (elements == null) {
        nulls.add("movedPlayers");
        return this;
      }
      elements.forEach(movedPlayers::add);
      return this;
    }

    public Builder lobbyDeadline(Instant lobbyDeadline) {
      this.lobbyDeadline = lobbyDeadline;
      return given("lobbyDeadline", lobbyDeadline);
    }

    public Builder lobbyDeadline(Optional<? extends Instant> lobbyDeadline) {
      this.lobbyDeadline = lobbyDeadline == null ? null : lobbyDeadline.orElse(null);
      return given("lobbyDeadline", lobbyDeadline);
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return given("startedAt", startedAt);
    }

    public Builder startedAt(Optional<? extends Instant> startedAt) {
      this.startedAt = startedAt == null ? null : startedAt.orElse(null);
      return given("startedAt", startedAt);
    }

    public Builder endedAt(Instant endedAt) {
      this.endedAt = endedAt;
      return given("endedAt", endedAt);
    }

    public Builder endedAt(Optional<? extends Instant> endedAt) {
      this.endedAt = endedAt == null ? null : endedAt.orElse(null);
      return given("endedAt", endedAt);
    }

    /** The result, copied when built. */
    public Builder result(JsonNode result) {
      this.result = result;
      return given("result", result);
    }

    /** The result or none; copied when built. */
    public Builder result(Optional<? extends JsonNode> result) {
      this.result = result == null ? null : result.orElse(null);
      return given("result", result);
    }

    public Builder cancelReason(String cancelReason) {
      this.cancelReason = cancelReason;
      return given("cancelReason", cancelReason);
    }

    public Builder cancelReason(Optional<String> cancelReason) {
      this.cancelReason = cancelReason == null ? null : cancelReason.orElse(null);
      return given("cancelReason", cancelReason);
    }

    public Builder version(long version) {
      this.version = version;
      this.versionSet = true;
      return this;
    }

    public Builder turnPlayer(String turnPlayer) {
      this.turnPlayer = turnPlayer;
      return given("turnPlayer", turnPlayer);
    }

    public Builder turnPlayer(Optional<String> turnPlayer) {
      this.turnPlayer = turnPlayer == null ? null : turnPlayer.orElse(null);
      return given("turnPlayer", turnPlayer);
    }

    public Builder turnDeadline(Instant turnDeadline) {
      this.turnDeadline = turnDeadline;
      return given("turnDeadline", turnDeadline);
    }

    /** The board; copied when built; JSON {@code null} is no board. */
    public Builder board(JsonNode board) {
      this.board = board;
      return given("board", board);
    }

    /** The board or none; copied when built; JSON {@code null} is no board. */
    public Builder board(Optional<? extends JsonNode> board) {
      this.board = board == null ? null : board.orElse(null);
      return given("board", board);
    }

    public Builder turnDeadline(Optional<? extends Instant> turnDeadline) {
      this.turnDeadline = turnDeadline == null ? null : turnDeadline.orElse(null);
      return given("turnDeadline", turnDeadline);
    }

    /**
     * The view.
     *
     * @throws IllegalStateException naming every required attribute not set and every attribute, list or list
     *     element given as null
     */
    public GameView build() {
      RequiredAttributes required = new RequiredAttributes("GameView").check("gameId", gameId).check("spec", spec)
          .check("status", status).check("createdAt", createdAt).check("version", versionSet);
      Set<String> invalid = new LinkedHashSet<>(nulls);
      if (players.contains(null)) {
        invalid.add("players");
      }
      if (movedPlayers.contains(null)) {
        invalid.add("movedPlayers");
      }
      invalid.forEach(name -> required.check(name, false));
      required.throwIfAny();
      return new GameView(this);
    }

    /** Notes whether {@code name} was last given null. */
    private Builder given(String name, Object value) {
      if (value == null) {
        nulls.add(name);
      } else {
        nulls.remove(name);
      }
      return this;
    }
  }
}
