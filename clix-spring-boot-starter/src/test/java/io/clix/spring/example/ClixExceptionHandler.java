package io.clix.spring.example;

import io.clix.core.ClixException;
import io.clix.core.ClixServiceException;
import io.clix.core.DuplicateMoveException;
import io.clix.core.GameAlreadyExistsException;
import io.clix.core.GameFullException;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameStateException;
import io.clix.core.InvalidRequestException;
import io.clix.core.NotEnoughPlayersException;
import io.clix.core.NotInGameException;
import io.clix.core.NotYourTurnException;
import io.clix.core.OrchestratorClosedException;
import io.clix.core.RetryableServiceException;
import io.clix.core.RoundNotOpenException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps Clix's exceptions to HTTP statuses for the example backend: 404 for an unknown game, 409 for
 * a call the game's state refuses (full, closed, already exists, duplicate move, round not open,
 * not in the game), 400 with every violation for a malformed request or game spec, 503 for a
 * retryable service failure and 502 for another. The body names the exception, its message and
 * game id; Clix never puts a task token in a message, so none reaches a client.
 */
@RestControllerAdvice
public class ClixExceptionHandler {

  /** The status and JSON body for {@code e}. */
  @ExceptionHandler(ClixException.class)
  public ResponseEntity<String> handle(ClixException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getClass().getSimpleName());
    body.put("message", e.getMessage());
    e.gameId().ifPresent(id -> body.put("gameId", id));
    if (e instanceof InvalidRequestException invalid) {
      List<Map<String, String>> violations = invalid.violations().stream()
          .map(v -> Map.of("field", v.field(), "rule", v.rule())).toList();
      body.put("violations", violations);
    }
    return ResponseEntity.status(status(e)).contentType(MediaType.APPLICATION_JSON)
        .body(GameController.write(body));
  }

  static HttpStatus status(ClixException e) {
    if (e instanceof GameNotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof InvalidRequestException) {
      return HttpStatus.BAD_REQUEST;
    }
    if (e instanceof GameStateException || e instanceof GameFullException || e instanceof GameAlreadyExistsException
        || e instanceof DuplicateMoveException || e instanceof RoundNotOpenException || e instanceof NotYourTurnException
        || e instanceof NotEnoughPlayersException || e instanceof NotInGameException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof RetryableServiceException || e instanceof OrchestratorClosedException) {
      return HttpStatus.SERVICE_UNAVAILABLE;
    }
    if (e instanceof ClixServiceException) {
      return HttpStatus.BAD_GATEWAY;
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
