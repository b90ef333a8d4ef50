package io.clix.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.InvalidRequestException.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The input rules every orchestrator applies before writing anything: ids, spec bounds, and the
 * JSON rules of {@link Limits} for payloads (size, depth, number length, finite numbers, whole
 * Unicode). Each failure is a Clix exception naming the field and the rule; nothing a caller passes
 * makes these throw anything else. {@link Limits} offers the request checks to orchestrators and users;
 * {@link GameSpec.Builder#build()} applies the spec checks.
 */
final class RequestRules {

  private static final Pattern GAME_ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9_.@+-]+");

  private RequestRules() {}

  /**
   * Checks a game spec's fields ({@code gameId} may be null: none given; {@code turnTimeout} is null
   * for a {@link PlayMode#SIMULTANEOUS} game); throws {@link InvalidGameSpecException} listing every
   * violation, {@code earlier} (the builder's own) first.
   */
  static void checkSpec(String gameId, int capacity, int minPlayers, Duration lobbyTimeout, int rounds,
      Duration roundTimeout, Duration turnTimeout, JsonNode metadata, List<Violation> earlier) {
    Optional<String> given = Optional.ofNullable(gameId);
    List<Violation> v = new ArrayList<>(earlier);
    given.ifPresent(id -> gameIdViolation("gameId", id, v));
    if (capacity < 1 || capacity > Limits.MAX_CAPACITY) {
      v.add(new Violation("capacity", "must be between 1 and " + Limits.MAX_CAPACITY + ", was " + capacity));
    }
    if (minPlayers < 1) {
      v.add(new Violation("minPlayers", "must be at least 1, was " + minPlayers));
    } else if (minPlayers > capacity && capacity >= 1) {
      v.add(new Violation("minPlayers", "must not exceed capacity " + capacity + ", was " + minPlayers));
    }
    timeoutViolation("lobbyTimeout", lobbyTimeout, v);
    if (rounds < 1 || rounds > Limits.MAX_ROUNDS) {
      v.add(new Violation("rounds", "must be between 1 and " + Limits.MAX_ROUNDS + ", was " + rounds));
    }
    timeoutViolation("roundTimeout", roundTimeout, v);
    if (turnTimeout != null) {
      timeoutViolation("turnTimeout", turnTimeout, v);
    }
    boolean fieldsValid = rounds >= 1 && rounds <= Limits.MAX_ROUNDS
        && v.stream().noneMatch(x -> x.field().endsWith("Timeout"));
    if (fieldsValid && turnTimeout != null && capacity >= 1 && capacity <= Limits.MAX_CAPACITY) {
      executionViolations(lobbyTimeout, (long) rounds * capacity, turnTimeout, "rounds × capacity", "turnTimeout",
          "turns", v);
    } else if (fieldsValid && turnTimeout == null) {
      executionViolations(lobbyTimeout, rounds, roundTimeout, "rounds", "roundTimeout", "rounds", v);
    }
    if (metadata == null) {
      v.add(new Violation("metadata", "must not be null"));
    } else if (!metadata.isObject()) {
      v.add(new Violation("metadata", "must be a JSON object"));
    } else {
      sizeViolation("metadata", metadata, Limits.MAX_METADATA_BYTES, v);
    }
    if (!v.isEmpty()) {
      throw new InvalidGameSpecException(given.filter(id -> GAME_ID.matcher(id).matches()).orElse(null), v);
    }
  }

  /** Checks a game id argument. */
  static String gameId(String gameId) {
    List<Violation> v = new ArrayList<>();
    gameIdViolation("gameId", gameId, v);
    if (!v.isEmpty()) {
      throw new InvalidRequestException(null, v);
    }
    return gameId;
  }

  /** Checks a player id argument. */
  static String playerId(String gameId, String playerId) {
    String rule = null;
    if (playerId == null) {
      rule = "must not be null";
    } else if (playerId.isEmpty()) {
      rule = "must not be empty";
    } else if (playerId.length() > Limits.MAX_PLAYER_ID_LENGTH) {
      rule = "must be at most " + Limits.MAX_PLAYER_ID_LENGTH + " characters, was " + playerId.length();
    } else if (!PLAYER_ID.matcher(playerId).matches()) {
      rule = "must contain only A-Z a-z 0-9 _ . @ + -";
    }
    if (rule != null) {
      throw new InvalidRequestException(gameId, "playerId", rule);
    }
    return playerId;
  }

  /** Checks optional player data: a JSON value within its size bound. */
  static void playerData(String gameId, JsonNode data) {
    if (data != null) {
      List<Violation> v = new ArrayList<>();
      sizeViolation("playerData", data, Limits.MAX_PLAYER_DATA_BYTES, v);
      if (!v.isEmpty()) {
        throw new InvalidRequestException(gameId, v);
      }
    }
  }

  /** Checks a move: a non-null JSON value within its size bound, for a round from 1. */
  static void move(String gameId, int round, JsonNode move) {
    List<Violation> v = new ArrayList<>();
    if (round < 1 || round > Limits.MAX_ROUNDS) {
      v.add(new Violation("round", "must be between 1 and " + Limits.MAX_ROUNDS + ", was " + round));
    }
    if (move == null || move.isNull() || move.isMissingNode()) {
      v.add(new Violation("move", "must be a JSON value, not null"));
    } else {
      sizeViolation("move", move, Limits.MAX_MOVE_BYTES, v);
    }
    if (!v.isEmpty()) {
      throw new InvalidRequestException(gameId, v);
    }
  }

  /** Checks a finish result: a JSON value (null allowed, meaning none) within its size bound. */
  static void result(String gameId, JsonNode result) {
    if (result != null) {
      List<Violation> v = new ArrayList<>();
      sizeViolation("result", result, Limits.MAX_RESULT_BYTES, v);
      if (!v.isEmpty()) {
        throw new InvalidRequestException(gameId, v);
      }
    }
  }

  /** Checks a board a game logic returned: a JSON value within its size bound. */
  static void board(String gameId, JsonNode board) {
    List<Violation> v = new ArrayList<>();
    if (board == null || board.isNull() || board.isMissingNode()) {
      v.add(new Violation("board", "the game logic must return a JSON value, not null"));
    } else {
      sizeViolation("board", board, Limits.MAX_BOARD_BYTES, v);
    }
    if (!v.isEmpty()) {
      throw new InvalidRequestException(gameId, v);
    }
  }

  /** Checks a cancel reason: non-blank, bounded, printable. */
  static String reason(String gameId, String reason) {
    String rule = null;
    if (reason == null || reason.isBlank()) {
      rule = "must not be blank";
    } else if (reason.length() > Limits.MAX_REASON_LENGTH) {
      rule = "must be at most " + Limits.MAX_REASON_LENGTH + " characters, was " + reason.length();
    } else if (reason.chars().anyMatch(Character::isISOControl)) {
      rule = "must not contain control characters";
    }
    if (rule != null) {
      throw new InvalidRequestException(gameId, "reason", rule);
    }
    return reason;
  }

  /** The size of a JSON value as compact UTF-8 (a value that cannot be written counts as too large). */
  static int jsonBytes(JsonNode node) {
    try {
      return ClixJson.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
    } catch (JsonProcessingException | RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static void gameIdViolation(String field, String id, List<Violation> v) {
    if (id == null) {
      v.add(new Violation(field, "must not be null"));
    } else if (id.isEmpty()) {
      v.add(new Violation(field, "must not be empty"));
    } else if (id.length() > Limits.MAX_GAME_ID_LENGTH) {
      v.add(new Violation(field, "must be at most " + Limits.MAX_GAME_ID_LENGTH + " characters, was " + id.length()));
    } else if (!GAME_ID.matcher(id).matches()) {
      v.add(new Violation(field, "must contain only A-Z a-z 0-9 _ -"));
    }
  }

  private static void timeoutViolation(String field, Duration d, List<Violation> v) {
    if (d == null) {
      v.add(new Violation(field, "must not be null"));
    } else if (d.compareTo(Limits.MIN_TIMEOUT) < 0 || d.compareTo(Limits.MAX_TIMEOUT) > 0) {
      v.add(new Violation(field, "must be between 1 second and 365 days, was " + d));
    } else if (d.getNano() != 0) {
      v.add(new Violation(field, "must be whole seconds (Step Functions timers count seconds), was " + d));
    }
  }

  /**
   * The limits of the one Standard execution that runs a game, checked once its fields are valid:
   * {@code waits} timed waits (a round's, or in a {@link PlayMode#TURNS} game a turn's) of
   * {@code waitTimeout} each, named in the messages by {@code count} ("rounds" or "rounds × capacity")
   * and {@code timeoutField}.
   */
  private static void executionViolations(Duration lobbyTimeout, long waits, Duration waitTimeout, String count,
      String timeoutField, String unit, List<Violation> v) {
    Duration total = lobbyTimeout.plus(waitTimeout.multipliedBy(waits));
    if (total.compareTo(Limits.MAX_GAME_DURATION) > 0) {
      v.add(new Violation(timeoutField, "lobbyTimeout + " + count + " × " + timeoutField + " must be at most "
          + Limits.MAX_GAME_DURATION.toDays() + " days (one Standard execution runs the game and lives at most a"
          + " year), was " + total.toDays() + " days " + total.toHoursPart() + " h"));
    }
    long history = (waits + 1) * Limits.MAX_HISTORY_EVENTS_PER_WAIT + 20;
    if (history > Limits.MAX_HISTORY_EVENTS) {
      v.add(new Violation("rounds", ("rounds".equals(count) ? "" : "with every turn a wait of its own, ")
          + "(" + count + " + 1) × " + Limits.MAX_HISTORY_EVENTS_PER_WAIT + " + 20 history events"
          + " must stay at most a Standard execution's " + Limits.MAX_HISTORY_EVENTS + ", was " + history
          + ("rounds".equals(count) ? "" : " (at most " + Limits.MAX_TURNS + " turns)")));
      return;
    }
    long polls = lobbyPolls(lobbyTimeout, waitTimeout);
    long withLobby = history + polls * Limits.MAX_HISTORY_EVENTS_PER_LOBBY_POLL;
    if (withLobby > Limits.MAX_HISTORY_EVENTS) {
      v.add(new Violation("lobbyTimeout", "the lobby re-reads the game once per " + timeoutField + ": (lobbyTimeout /"
          + " " + timeoutField + ", rounded up) × " + Limits.MAX_HISTORY_EVENTS_PER_LOBBY_POLL + " + (" + count
          + " + 1) × " + Limits.MAX_HISTORY_EVENTS_PER_WAIT + " + 20 history events must stay at most a Standard"
          + " execution's " + Limits.MAX_HISTORY_EVENTS + ", was " + polls + " × "
          + Limits.MAX_HISTORY_EVENTS_PER_LOBBY_POLL + " + " + history + " = " + withLobby + "; shorten the lobby or"
          + " lengthen the " + unit));
    }
  }

  /** How many times a lobby of this length may re-read its game: once per round timeout, rounded up. */
  static long lobbyPolls(Duration lobbyTimeout, Duration roundTimeout) {
    long round = roundTimeout.getSeconds();
    return (lobbyTimeout.getSeconds() + round - 1) / round;
  }

  /** The JSON rules of {@link Limits}: shape, numbers, Unicode, then size. */
  private static void sizeViolation(String field, JsonNode node, int max, List<Violation> v) {
    JsonRules.check(field, node, max, v);
  }
}
