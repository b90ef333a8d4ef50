package io.clix.aws;

import io.clix.aws.internal.definition.WaitStyle;

/**
 * How a game's waiting task hands its Step Functions task token to the backend. With
 * {@link #CALLBACKS} (the default) each waiting state is a DynamoDB {@code .waitForTaskToken}
 * task that writes its own token into its own game's item; with {@link #ACTIVITIES} the waits are
 * shared activities (one for lobbies, one for rounds) whose tasks a router of long-polling workers
 * files under the game and waiting point named in the task input. Either way a token is only ever
 * stored under, and read from, the game it was issued for.
 */
public enum Correlation {
  /** Each wait writes {@code $$.Task.Token} into its game's item: no shared queue, no router for waits. */
  CALLBACKS,
  /** Each wait is a task on a shared activity; a router stores the token under the game it names. */
  ACTIVITIES;

  /** The definition code's own name for this mode. */
  WaitStyle waitStyle() {
    return this == CALLBACKS ? WaitStyle.CALLBACKS : WaitStyle.ACTIVITIES;
  }
}
