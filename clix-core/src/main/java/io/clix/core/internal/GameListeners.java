package io.clix.core.internal;

import io.clix.core.GameEvent;
import io.clix.core.GameEventListener;
import io.clix.core.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one orchestrator: registration, and delivery of one event to each of them in
 * turn (each its own copy). A listener's exception is logged and does not reach the others or the caller. Engines call
 * {@link #deliver} in sequence order per game.
 */
public final class GameListeners {

  private static final Logger LOG = LoggerFactory.getLogger(GameListeners.class);

  private final List<GameEventListener> listeners = new CopyOnWriteArrayList<>();

  public Subscription add(GameEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public boolean isEmpty() {
    return listeners.isEmpty();
  }

  public void deliver(GameEvent event) {
    for (GameEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("game event listener failed on {} #{}", event.gameId(), event.sequence(), e);
      }
    }
  }
}
