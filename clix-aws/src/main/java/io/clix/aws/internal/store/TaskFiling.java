package io.clix.aws.internal.store;

import io.clix.core.internal.GameState;
import java.util.concurrent.CompletableFuture;

/**
 * Files a task token under the game and waiting point it was issued for: stored (conditional on the
 * point still being the game's current one) if the game waits there, completed at once if the
 * game has moved past it, refused if the game never waits there. The router and the public
 * {@code registerTaskToken} both use it.
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
    return attempt(gameId, point, token, 1);
  }

  private CompletableFuture<Filed> attempt(String gameId, String point, String token, int attempt) {
    return store.observe(gameId).thenCompose(outcome -> {
      GameState s = outcome.after();
      switch (WaitPoint.relate(point, s)) {
        case WRONG:
          return CompletableFuture.completedFuture(new Filed(Result.WRONG_POINT, s));
        case PASSED:
          return tokens.succeed(gameId, point, token, TokenStore.output(s))
              .thenApply(v -> new Filed(Result.COMPLETED, s));
        default:
          return tokens.store(gameId, point, token).thenCompose(stored -> {
            if (stored == TokenStore.Stored.STORED) {
              return CompletableFuture.completedFuture(new Filed(Result.STORED, s));
            }
            if (attempt >= MAX_ATTEMPTS) {
              return tokens.succeed(gameId, point, token, TokenStore.output(s))
                  .thenApply(v -> new Filed(Result.COMPLETED, s));
            }
            return attempt(gameId, point, token, attempt + 1);
          });
      }
    });
  }
}
