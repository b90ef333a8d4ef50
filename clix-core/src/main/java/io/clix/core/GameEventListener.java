package io.clix.core;

/**
 * Receives the events of the games an orchestrator changes, in sequence order per game, for pushing
 * to players. Called on the thread that made the change; keep it quick. An exception it throws is
 * logged and does not fail the call. Use {@link GameOrchestrator#events(String, long)} to replay.
 */
@FunctionalInterface
public interface GameEventListener {
  void onEvent(GameEvent event);
}
