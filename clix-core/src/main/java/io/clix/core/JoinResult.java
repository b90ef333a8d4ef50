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

  /** A builder; see the attributes for which are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to build a changed copy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Builds a {@link JoinResult}; every setter returns this builder. */
  public static class Builder extends ImmutableJoinResult.Builder {
    Builder() {}
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
