package io.clix.core;

import java.time.Duration;

/**
 * The bounds Clix enforces on every implementation, so that a game fits in one Step Functions
 * execution and one DynamoDB partition whatever backend runs it.
 */
public final class Limits {
  /** Longest game id: a Step Functions execution name is at most 80 characters. */
  public static final int MAX_GAME_ID_LENGTH = 80;
  /** Longest player id. */
  public static final int MAX_PLAYER_ID_LENGTH = 128;
  /** Most seats in one game. */
  public static final int MAX_CAPACITY = 64;
  /** Most rounds in one game. */
  public static final int MAX_ROUNDS = 100;
  /** Shortest lobby or round timeout. */
  public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
  /** Longest lobby or round timeout: Step Functions Standard executions run up to a year. */
  public static final Duration MAX_TIMEOUT = Duration.ofDays(365);
  /** Largest game metadata, as UTF-8 JSON. */
  public static final int MAX_METADATA_BYTES = 16 * 1024;
  /** Largest player data given on join, as UTF-8 JSON. */
  public static final int MAX_PLAYER_DATA_BYTES = 2 * 1024;
  /** Largest move, as UTF-8 JSON; a round's moves together stay below DynamoDB's 400 KB item size. */
  public static final int MAX_MOVE_BYTES = 4 * 1024;
  /** Largest game result, as UTF-8 JSON. */
  public static final int MAX_RESULT_BYTES = 64 * 1024;
  /** Longest cancel reason. */
  public static final int MAX_REASON_LENGTH = 256;

  private Limits() {}
}
