package io.clix.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/** The answer to a join: the player's seat and the game as it stands after the join (its roster). Immutable. */
@JsonPropertyOrder({"playerId", "seat", "game"})
public final class JoinResult {

  @JsonProperty("playerId")
  private final String playerId;
  @JsonProperty("seat")
  private final int seat;
  @JsonProperty("game")
  private final GameView game;

  private JoinResult(Builder b) {
    this.playerId = b.playerId;
    this.seat = b.seat;
    this.game = b.game;
  }

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The player who joined. */
  public String playerId() {
    return playerId;
  }

  /** The seat taken, from 1 to the capacity. */
  public int seat() {
    return seat;
  }

  /** The game after the join; {@code RUNNING} if this join filled the lobby. */
  public GameView game() {
    return game;
  }

  /** The seated players in seat order. */
  public List<Player> roster() {
    return game().players();
  }

  @Override
  public boolean equals(Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof JoinResult o && playerId.equals(o.playerId) && seat == o.seat && game.equals(o.game);
  }

  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + playerId.hashCode();
    h += (h << 5) + seat;
    h += (h << 5) + game.hashCode();
    return h;
  }

  @Override
  public String toString() {
    return "JoinResult{playerId=" + playerId + ", seat=" + seat + ", game=" + game + "}";
  }

  /** Reads a join result from JSON: an absent or {@code null} property is not set. */
  @JsonCreator
  static JoinResult fromJson(@JsonProperty("playerId") String playerId, @JsonProperty("seat") Integer seat,
      @JsonProperty("game") GameView game) {
    Builder b = builder();
    if (playerId != null) {
      b.playerId(playerId);
    }
    if (seat != null) {
      b.seat(seat);
    }
    if (game != null) {
      b.game(game);
    }
    return b.build();
  }

  /**
   * Builds a {@link JoinResult}; every setter returns this builder. Every attribute is required;
   * {@link #build()} throws {@link IllegalStateException} naming every one not set or set to {@code null}.
   */
  public static final class Builder {
    private String playerId;
    private int seat;
    private boolean seatSet;
    private GameView game;

    Builder() {}

    /** Sets every attribute from {@code instance}. */
    public Builder from(JoinResult instance) {
      Objects.requireNonNull(instance, "instance");
      playerId(instance.playerId);
      seat(instance.seat);
      game(instance.game);
      return this;
    }

    public Builder playerId(String playerId) {
      this.playerId = playerId;
      return this;
    }

    public Builder seat(int seat) {
      this.seat = seat;
      this.seatSet = true;
      return this;
    }

    public Builder game(GameView game) {
      this.game = game;
      return this;
    }

    /**
     * The join result.
     *
     * @throws IllegalStateException naming every attribute not set or set to null
     */
    public JoinResult build() {
      new RequiredAttributes("JoinResult").check("playerId", playerId).check("seat", seatSet)
          .check("game", game).throwIfAny();
      return new JoinResult(this);
    }
  }
}
