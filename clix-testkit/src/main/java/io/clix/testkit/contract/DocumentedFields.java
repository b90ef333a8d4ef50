package io.clix.testkit.contract;

import java.util.Set;
import java.util.regex.Pattern;

/** The fields each value documents, as {@code ClixJson} serializes them: nothing else may appear. */
final class DocumentedFields {

  static final Set<String> VIEW_FIELDS = Set.of("gameId", "spec", "status", "players", "currentRound", "roundDeadline",
      "movedPlayers", "lobbyDeadline", "createdAt", "startedAt", "endedAt", "result", "cancelReason", "version", "turnPlayer",
      "turnDeadline", "board");
  static final Set<String> SPEC_FIELDS = Set.of("gameId", "capacity", "minPlayers", "lobbyTimeout", "rounds", "roundTimeout",
      "playMode", "turnTimeout", "rotateFirstSeat", "missPolicy", "metadata");
  static final Set<String> PLAYER_FIELDS = Set.of("playerId", "seat", "data", "joinedAt", "active");
  static final Set<String> EVENT_FIELDS = Set.of("gameId", "sequence", "time", "type", "playerId", "round", "data");
  static final Set<String> RECEIPT_FIELDS = Set.of("gameId", "playerId", "round", "move", "acceptedAt", "sequence");
  static final Set<String> JOIN_FIELDS = Set.of("playerId", "seat", "game");

  /** A run of 40 or more characters that could be an encoded token (ids in these tests are far shorter). */
  static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9+/=_-]{40,}");

  private DocumentedFields() {}
}
