package io.clix.spring.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clix.core.ClixException;
import io.clix.core.ClixJson;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.InvalidRequestException;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The example backend's REST API over a {@link GameOrchestrator}: create a game, join it, submit a
 * move, describe it. Bodies are JSON read and written with {@link ClixJson#newMapper()}, the form
 * Clix's values round-trip in; {@link ClixExceptionHandler} turns Clix's exceptions into statuses.
 *
 * <pre>
 * POST /games                    a GameSpec            -> 201 the GameView
 * POST /games/{id}/players       {"playerId": "alice"} -> the JoinResult
 * POST /games/{id}/moves         {"playerId": "alice", "round": 1, "move": ...} -> the MoveReceipt
 * GET  /games/{id}                                     -> the GameView
 * </pre>
 */
@RestController
@RequestMapping(path = "/games", produces = MediaType.APPLICATION_JSON_VALUE)
public class GameController {

  private static final ObjectMapper JSON = ClixJson.newMapper();

  private final GameOrchestrator games;

  /** A controller serving {@code games}, the starter's orchestrator bean. */
  public GameController(GameOrchestrator games) {
    this.games = games;
  }

  /** Creates the game the body's {@code GameSpec} describes. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> create(@RequestBody String body) {
    GameSpec spec = read(null, body, GameSpec.class);
    return ResponseEntity.status(HttpStatus.CREATED).body(write(games.createGame(spec)));
  }

  /** Seats {@code playerId}, with the optional {@code data} as the player's data. */
  @PostMapping(path = "/{gameId}/players", consumes = MediaType.APPLICATION_JSON_VALUE)
  public String join(@PathVariable("gameId") String gameId, @RequestBody String body) {
    JsonNode request = read(gameId, body, JsonNode.class);
    JsonNode data = request.get("data");
    return write(games.join(gameId, text(request, "playerId"), data == null || data.isNull() ? null : data));
  }

  /** Submits {@code move} for {@code playerId} in {@code round}. */
  @PostMapping(path = "/{gameId}/moves", consumes = MediaType.APPLICATION_JSON_VALUE)
  public String move(@PathVariable("gameId") String gameId, @RequestBody String body) {
    JsonNode request = read(gameId, body, JsonNode.class);
    JsonNode round = request.path("round");
    if (!round.canConvertToInt()) {
      throw new InvalidRequestException(gameId, "round", "must be a round number");
    }
    return write(games.submitMove(gameId, text(request, "playerId"), round.intValue(), request.get("move")));
  }

  /** The game as it stands. */
  @GetMapping("/{gameId}")
  public String describe(@PathVariable("gameId") String gameId) {
    return write(games.describe(gameId));
  }

  private static String text(JsonNode request, String field) {
    JsonNode value = request.get(field);
    return value == null || !value.isTextual() ? null : value.textValue();
  }

  private static <T> T read(String gameId, String body, Class<T> type) {
    try {
      T value = JSON.readValue(body, type);
      if (value == null) {
        throw new InvalidRequestException(gameId, "body", "must be a JSON object");
      }
      return value;
    } catch (IOException e) {
      if (e.getCause() instanceof ClixException clix) {
        throw clix; // a GameSpec that breaks a rule: its own violations
      }
      throw new InvalidRequestException(gameId, "body", "must be valid JSON");
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
