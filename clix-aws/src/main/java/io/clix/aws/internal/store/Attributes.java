package io.clix.aws.internal.store;

/**
 * The attribute names of the Clix table (see the design of clix-aws): key {@code pk}/{@code sk},
 * the game item at {@code sk = 0}, the events at {@code sk = sequence}.
 */
final class Attributes {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String STATE = "state";
  static final String VERSION = "version";
  static final String STATUS = "status";
  static final String ROUND = "round";
  /** The point the game waits at now ({@link WaitPoint#current}); a mirror of status and round. */
  static final String POINT = "point";
  static final String FIRED = "fired";
  static final String WAIT_POINT = "waitPoint";
  static final String WAIT_TOKEN = "waitToken";
  static final String SPEC = "specJson";
  static final String EXPIRES_AT = "expiresAt";
  static final String EVENT = "event";

  private Attributes() {}
}
