package io.clix.examples.push;

import java.net.URI;
import java.util.List;

/**
 * Where the games view of {@link PushBackend} finds the games of a Clix table and, for each, the
 * page of its execution in the local stack's console. {@link PushExample} lists the executions of
 * the deployment's state machine (one per game, named after it), never the table's raw items.
 */
public interface GameDirectory {

  /** The games to show, newest first. */
  List<Entry> games();

  /** One game: its id, its execution's ARN and the console page of that execution. */
  record Entry(String gameId, String executionArn, URI consolePage) {}
}
