package io.clix.examples.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.clix.aws.GameEventStream;
import io.clix.core.ClixException;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One backend instance of the push example: the JDK's HTTP server in front of a
 * {@link GameOrchestrator} and its {@link GameEventStream}. {@code GET /games/{id}/events} streams
 * the game's events as Server-Sent Events ({@code text/event-stream}; {@code id:} is the event's
 * sequence, so a browser's {@code EventSource} resumes after a reconnect with
 * {@code Last-Event-ID}); {@code POST /games/{id}?capacity=n&rounds=r}, {@code POST
 * /games/{id}/join?player=p} and {@code POST /games/{id}/moves?player=p&round=r} (the move as the
 * JSON body) drive a game. A connection's events wait in a bounded queue; a client that falls 1000
 * events behind is disconnected and resumes from its last id. Answers are the event or game JSON,
 * never a task token.
 *
 * <p>The same server has pages (plain HTML and JavaScript from this jar's resources): {@code GET /}
 * or {@code /play/{id}} is a game to play in a browser tab, {@code GET /clix/games} lists the games
 * a {@link GameDirectory} names, with their views, events and links to their executions in the
 * local stack's console ({@code GET /api/games} is that list as JSON). {@code GET /games/{id}} is
 * the game's view.
 */
public final class PushBackend implements AutoCloseable {

  private static final Pattern PLAY = Pattern.compile("/play/[A-Za-z0-9_.-]{1,80}");
  /** The files the pages load, with their content types. */
  private static final Map<String, String> RESOURCES = Map.of("play.html", "text/html; charset=utf-8",
      "games.html", "text/html; charset=utf-8", "play.js", "text/javascript; charset=utf-8",
      "games.js", "text/javascript; charset=utf-8", "dom.js", "text/javascript; charset=utf-8",
      "push.css", "text/css; charset=utf-8");
  private static final Pattern PATH = Pattern.compile("/games/([A-Za-z0-9_.-]{1,80})(/events|/join|/moves)?");
  /** Queued to end a connection (never written). */
  private static final GameEvent CLOSE = GameEvent.builder().gameId("-").sequence(0).type(EventType.GAME_CANCELLED)
      .time(Instant.EPOCH).build();

  private final GameOrchestrator games;
  private final GameEventStream stream;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "push-http");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<BlockingQueue<GameEvent>> connections = ConcurrentHashMap.newKeySet();
  private final GameDirectory directory;

  private PushBackend(GameOrchestrator games, GameEventStream stream, int port, GameDirectory directory)
      throws IOException {
    this.games = games;
    this.stream = stream;
    this.directory = directory;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(threads);
    server.createContext("/games/", this::handle);
    server.createContext("/", this::pages);
    server.start();
  }

  /** Serves {@code games} and the events {@code stream} brings on {@code port} (0 for any free port). */
  public static PushBackend start(GameOrchestrator games, GameEventStream stream, int port) throws IOException {
    return start(games, stream, port, List::of);
  }

  /** The same, with a games view of the games {@code directory} names. */
  public static PushBackend start(GameOrchestrator games, GameEventStream stream, int port, GameDirectory directory)
      throws IOException {
    return new PushBackend(games, stream, port, directory);
  }

  /** The base address, e.g. {@code http://127.0.0.1:8081}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Ends every event stream and stops the server (the orchestrator and stream stay open). */
  @Override
  public void close() {
    connections.forEach(queue -> queue.offer(CLOSE));
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
      if (!path.matches()) {
        send(exchange, 404, "{\"error\":\"not found\"}");
        return;
      }
      String game = path.group(1);
      String action = path.group(2) == null ? "" : path.group(2);
      Map<String, String> query = query(exchange.getRequestURI());
      String method = exchange.getRequestMethod();
      try {
        if (method.equals("GET") && action.equals("/events")) {
          events(exchange, game);
        } else if (method.equals("GET") && action.isEmpty()) {
          send(exchange, 200, json(games.describe(game)));
        } else if (method.equals("POST") && action.isEmpty()) {
          GameSpec.Builder spec = GameSpec.builder().gameId(game)
              .capacity(Integer.parseInt(query.getOrDefault("capacity", "2")))
              .rounds(Integer.parseInt(query.getOrDefault("rounds", "1")));
          if (query.containsKey("roundSeconds")) {
            spec.roundTimeout(Duration.ofSeconds(Long.parseLong(query.get("roundSeconds"))));
          }
          if (query.containsKey("lobbySeconds")) {
            spec.lobbyTimeout(Duration.ofSeconds(Long.parseLong(query.get("lobbySeconds"))));
          }
          send(exchange, 200, json(games.createGame(spec.build())));
        } else if (method.equals("POST") && action.equals("/join")) {
          send(exchange, 200, json(games.join(game, query.get("player")).game()));
        } else if (method.equals("POST") && action.equals("/moves")) {
          JsonNode move = ClixJson.mapper().readTree(body(exchange.getRequestBody()));
          games.submitMove(game, query.get("player"), Integer.parseInt(query.get("round")), move);
          send(exchange, 200, json(games.describe(game)));
        } else {
          send(exchange, 405, "{\"error\":\"method not allowed\"}");
        }
      } catch (GameNotFoundException e) {
        send(exchange, 404, errorJson(e));
      } catch (ClixException | IllegalArgumentException | NullPointerException e) {
        send(exchange, 400, errorJson(e));
      }
    }
  }

  /** The pages, their scripts and the games view's JSON. */
  private void pages(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "{\"error\":\"method not allowed\"}");
      } else if (path.equals("/") || PLAY.matcher(path).matches()) {
        resource(exchange, "play.html");
      } else if (path.equals("/clix/games")) {
        resource(exchange, "games.html");
      } else if (path.equals("/api/games")) {
        send(exchange, 200, json(gamesView()));
      } else if (path.startsWith("/static/") && RESOURCES.containsKey(path.substring(8))) {
        resource(exchange, path.substring(8));
      } else {
        send(exchange, 404, "{\"error\":\"not found\"}");
      }
    }
  }

  /** Each game the directory names: its view (or the error describing it), its events and its console page. */
  private List<Map<String, Object>> gamesView() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (GameDirectory.Entry entry : directory.games()) {
      Map<String, Object> game = new LinkedHashMap<>();
      game.put("gameId", entry.gameId());
      game.put("executionArn", entry.executionArn());
      game.put("consolePage", entry.consolePage().toString());
      try {
        game.put("view", games.describe(entry.gameId()));
        game.put("events", games.events(entry.gameId(), 0));
      } catch (ClixException e) {
        game.put("error", e.getClass().getSimpleName());
      }
      out.add(game);
    }
    return out;
  }

  private static void resource(HttpExchange exchange, String name) throws IOException {
    try (InputStream in = PushBackend.class.getResourceAsStream(name)) {
      if (in == null) {
        send(exchange, 404, "{\"error\":\"not found\"}");
        return;
      }
      byte[] bytes = in.readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", RESOURCES.get(name));
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  /** Streams the game's events after Last-Event-ID (0 without one) until the client or the server goes. */
  private void events(HttpExchange exchange, String game) throws IOException {
    String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    long after = last == null ? 0 : Long.parseLong(last.trim());
    BlockingQueue<GameEvent> queue = new ArrayBlockingQueue<>(1000);
    connections.add(queue);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    // The listener runs on the stream's thread: it only queues (a full queue ends the connection).
    Subscription subscription = stream.subscribe(game, after, event -> {
      if (!queue.offer(event)) {
        queue.clear();
        queue.offer(CLOSE);
      }
    });
    try {
      while (true) {
        GameEvent event = queue.poll(15, TimeUnit.SECONDS);
        if (event == CLOSE) {
          return;
        }
        String frame = event == null ? ": keep-alive\n\n"
            : "id: " + event.sequence() + "\nevent: " + event.type() + "\ndata: " + json(event) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // The client went away.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      subscription.close();
      connections.remove(queue);
    }
  }

  private static String json(Object value) throws IOException {
    return ClixJson.mapper().writeValueAsString(value);
  }

  private static String errorJson(Exception e) throws IOException {
    return json(Map.of("error", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage())));
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String body(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new ConcurrentHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
