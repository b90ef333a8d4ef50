package io.clix.aws.internal.store;

import io.clix.core.internal.GameState;
import java.time.Instant;
import java.util.Map;

/**
 * A game's item as the backend reads it (never its task token): the state, the timer markers
 * the state machine wrote, and the waiting point a token is stored for, if any.
 *
 * @param fired timer markers by point name ({@code lobby}, {@code round-<n>}) → when the timer fired
 * @param waitPoint the point the stored token was issued for, or {@code null} if none is stored, it
 *     was already claimed for completion, or the item comes from this instance's {@link RecentGames}
 *     (which does not know)
 * @param specJson the spec as stored at creation, for "same id, same spec"
 */
public record GameItem(GameState state, Map<String, Instant> fired, String waitPoint, String specJson) {
  public GameItem {
    fired = Map.copyOf(fired);
  }

  /** True if a token is stored for a point the game has left. */
  public boolean hasStaleToken() {
    return waitPoint != null && !waitPoint.equals(WaitPoint.current(state));
  }
}
