package io.clix.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * An immutable snapshot of one game: status, players, the open round and its deadline, and the
 * version (the sequence number of the game's latest event). Safe to hand to game clients: it
 * never carries a task token.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGameView.class)
@JsonDeserialize(as = ImmutableGameView.class)
public abstract class GameView {

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builds a {@link GameView} (orchestrators build views; tests may too); every setter returns this builder. */
  public static class Builder extends ImmutableGameView.Builder {
    Builder() {}
  }

  public abstract String gameId();

  /** The spec the game was created with (its id filled in). */
  public abstract GameSpec spec();

  public abstract GameStatus status();

  /** Seated players in seat order, including those who left after the start ({@code active == false}). */
  public abstract List<Player> players();

  /** The open round, from 1; 0 before the first round opens and after the game ended. */
  @Value.Default
  public int currentRound() {
    return 0;
  }

  /** When the open round closes if moves are missing. */
  public abstract Optional<Instant> roundDeadline();

  /** The players who have moved in the open round, in seat order. */
  public abstract List<String> movedPlayers();

  /** When the lobby times out, while the game is in the lobby. */
  public abstract Optional<Instant> lobbyDeadline();

  public abstract Instant createdAt();

  public abstract Optional<Instant> startedAt();

  public abstract Optional<Instant> endedAt();

  /** The result given to {@code finish}, once finished that way. */
  public abstract Optional<JsonNode> result();

  /** Why the game was cancelled, once cancelled. */
  public abstract Optional<String> cancelReason();

  /** The sequence number of the game's latest event; grows with every change. */
  public abstract long version();

  /** JSON {@code null} as result is no result: a view read back from JSON equals the one written. */
  @Value.Check
  protected GameView normalize() {
    if (result().isPresent() && result().get().isNull()) {
      return toBuilder().result(Optional.empty()).build();
    }
    return this;
  }

  /** The ids of players still in the game, in seat order. */
  @Value.Derived
  @com.fasterxml.jackson.annotation.JsonIgnore
  public List<String> activePlayerIds() {
    return players().stream().filter(Player::active).map(Player::playerId).collect(Collectors.toList());
  }

  /** The player with this id, if seated. */
  public Optional<Player> player(String playerId) {
    return players().stream().filter(p -> p.playerId().equals(playerId)).findFirst();
  }
}
