package io.clix.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** The answer to a join: the player's seat and the game as it stands after the join (its roster). */
@Value.Immutable
@JsonSerialize(as = ImmutableJoinResult.class)
@JsonDeserialize(as = ImmutableJoinResult.class)
public abstract class JoinResult {

  public static ImmutableJoinResult.Builder builder() {
    return ImmutableJoinResult.builder();
  }

  public abstract String playerId();

  /** The seat taken, from 1 to the capacity. */
  public abstract int seat();

  /** The game after the join; {@code RUNNING} if this join filled the lobby. */
  public abstract GameView game();

  /** The seated players in seat order. */
  public List<Player> roster() {
    return game().players();
  }
}
