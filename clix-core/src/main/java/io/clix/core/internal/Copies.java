package io.clix.core.internal;

import io.clix.core.GameEvent;
import io.clix.core.GameSpec;

/** Deep copies of the values that carry JSON, so what a caller or listener gets shares no node with a stored game. */
public final class Copies {

  private Copies() {}

  public static GameSpec spec(GameSpec spec) {
    return GameSpec.builder().from(spec).metadata(spec.metadata().deepCopy()).build();
  }

  public static GameEvent event(GameEvent event) {
    return GameEvent.builder().from(event).data(event.data().deepCopy()).build();
  }
}
