package io.clix.core;

/** A listener's registration; {@link #close()} stops the deliveries. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
