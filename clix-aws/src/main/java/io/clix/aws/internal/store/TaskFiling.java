package io.clix.aws.internal.store;

import io.clix.core.internal.GameState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Files a task token under the game and waiting point it was issued for: stored (conditional on the
 * point still being the game's current one) if the game waits there, completed at once if the
 * game has moved past it, refused if the game never waits there. The router and the public
 * {@code registerTaskToken} both use it. A stored token is remembered by this instance, so its own
 * write that moves the game on completes the wait without reading the token back.
 */
public final class TaskFiling {

  /** How filing ended. */
  public enum Result {
    /** Stored; the write that moves the game on completes the task. */
    STORED,
    /** The game had already left the point: the task was completed at once. */
    COMPLETED,
    /** The game is not, and never will be, at that point: nothing was stored or completed. */
    WRONG_POINT
  }

  /** The result and the game's state when it was decided. */
  public record Filed(Result result, GameState state) {}

  private static final int MAX_ATTEMPTS = 5;

  private final GameStore store;
  private final TokenStore tokens;

  public TaskFiling(GameStore store) {
    this.store = store;
    this.tokens = store.tokens();
  }

  /** Files {@code token} for a well-formed {@code point} of an existing game (else GameNotFoundException). */
  public CompletableFuture<Filed> file(String gameId, String point, String token) {
    return attempt(gameId, point, token, 1, true);
  }

  /**
   * One attempt, from the state this instance remembers if it may (a point passed there is passed
   * now; a point current there is checked by the conditional store; anything else is read afresh).
   */
  private CompletableFuture<Filed> attempt(String gameId, String point, String token, int attempt,
      boolean mayRemember) {
    Optional<GameState> remembered = mayRemember ? store.recentState(gameId) : Optional.empty();
    CompletableFuture<GameState> state = remembered.isPresent()
        ? CompletableFuture.completedFuture(remembered.get())
        : store.observe(gameId).thenApply(GameStore.Outcome::after);
    return state.thenCompose(s -> {
      switch (WaitPoint.relate(point, s)) {
        case WRONG:
          return remembered.isPresent() ? attempt(gameId, point, token, attempt, false)
              : CompletableFuture.completedFuture(new Filed(Result.WRONG_POINT, s));
        case PASSED:
          return tokens.succeed(gameId, point, token, TokenStore.output(s))
              .thenApply(v -> new Filed(Result.COMPLETED, s));
        default:
          return tokens.store(gameId, point, token).thenCompose(stored -> {
            if (stored == TokenStore.Stored.STORED) {
              store.hold(gameId, point, token);
              return CompletableFuture.completedFuture(new Filed(Result.STORED, s));
            }
            if (attempt >= MAX_ATTEMPTS) {
              return tokens.succeed(gameId, point, token, TokenStore.output(s))
                  .thenApply(v -> new Filed(Result.COMPLETED, s));
            }
            return attempt(gameId, point, token, remembered.isPresent() ? attempt : attempt + 1, false);
          });
      }
    });
  }
}
