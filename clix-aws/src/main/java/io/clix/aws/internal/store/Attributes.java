package io.clix.aws.internal.store;

import io.clix.aws.internal.definition.GameItemSchema;

/**
 * The attribute names of the Clix table: key {@code pk}/{@code sk}, the game item at {@code sk =
 * 0}, the events at {@code sk = sequence}. The names the state machine also reads or writes come
 * from {@link GameItemSchema}; the rest are the backend's own.
 */
final class Attributes {
  static final String PK = GameItemSchema.PK;
  static final String SK = GameItemSchema.SK;
  static final String STATE = "state";
  static final String VERSION = "version";
  static final String STATUS = GameItemSchema.STATUS;
  static final String ROUND = GameItemSchema.ROUND;
  /** The point the game waits at now ({@link WaitPoint#current}); a mirror of status and round. */
  static final String POINT = GameItemSchema.POINT;
  static final String SCHEDULE = GameItemSchema.SCHEDULE;
  static final String WAKES = GameItemSchema.WAKES;
  static final String FIRED = GameItemSchema.FIRED;
  static final String WAIT_POINT = GameItemSchema.WAIT_POINT;
  static final String WAIT_TOKEN = GameItemSchema.WAIT_TOKEN;
  /** The waiting point whose stored token has been claimed for completion (S); the backend's own. */
  static final String WAIT_SENT = "waitSent";
  /** The id of the claim that marked {@link #WAIT_SENT} (S), so a retried claim reads the token again. */
  static final String WAIT_CLAIM = "waitClaim";
  static final String SPEC = "specJson";
  static final String EXPIRES_AT = GameItemSchema.EXPIRES_AT;
  static final String EVENT = "event";
  /**
   * On a {@code MOVE_ACCEPTED} event item: the move's JSON. The game item's state names the open
   * round's moves by sequence without their payloads, which are read back from here.
   */
  static final String MOVE = "move";

  private Attributes() {}
}
