package io.clix.local.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.clix.local.internal.http.ServiceError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console's HTTP side, mounted at {@value #PATH} on the stack's own server: the page and
 * its scripts from the jar ({@code io/clix/local/console/}), the read-only JSON API under
 * {@code /console/api/}, and live change notifications as Server-Sent Events.
 */
public final class ConsoleHandler implements HttpHandler, AutoCloseable {

  /** Where the console lives on the stack's port. */
  public static final String PATH = "/console/";

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleHandler.class);
  private static final String RESOURCES = "io/clix/local/console/";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "txt", "text/plain; charset=utf-8");

  private final ObjectMapper mapper;
  private final ConsoleApi api;
  private final ConsoleEvents events;

  public ConsoleHandler(ObjectMapper mapper, ConsoleApi api) {
    this.mapper = mapper;
    this.api = api;
    this.events = new ConsoleEvents(api);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/console")) {
        exchange.getResponseHeaders().set("Location", PATH);
        exchange.sendResponseHeaders(301, -1);
      } else if (!path.startsWith(PATH)) {
        send(exchange, 404, TYPES.get("txt"), "not found".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals(PATH + "api/events")) {
        events.stream(exchange);
      } else if (path.startsWith(PATH + "api/")) {
        api(exchange, path.substring((PATH + "api/").length()));
      } else {
        resource(exchange, path.substring(PATH.length()));
      }
    } catch (IOException e) {
      LOG.debug("console client went away: {}", e.toString());
    }
  }

  private void api(HttpExchange exchange, String route) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    int status = 200;
    JsonNode body;
    try {
      String method = exchange.getRequestMethod();
      if (route.equals("clock/advance")) {
        if (!method.equals("POST")) {
          throw new ConsoleApi.Problem(405, "use POST");
        }
        try (InputStream in = exchange.getRequestBody()) {
          in.readAllBytes();
        }
        body = api.advance(query.get("seconds"));
      } else if (!method.equals("GET")) {
        throw new ConsoleApi.Problem(405, "the console API is read-only; use GET");
      } else {
        body = api.get(route, query);
      }
    } catch (ConsoleApi.Problem e) {
      status = e.status;
      body = mapper.createObjectNode().put("message", e.getMessage());
    } catch (ServiceError e) {
      status = e.status();
      body = e.body();
    } catch (RuntimeException e) {
      LOG.error("console API failed on {}", route, e);
      status = 500;
      body = mapper.createObjectNode().put("message", "The console failed: " + e);
    }
    send(exchange, status, "application/json", mapper.writeValueAsBytes(body));
  }

  private void resource(HttpExchange exchange, String name) throws IOException {
    if (name.isEmpty()) {
      name = "index.html";
    }
    byte[] bytes = null;
    if (!name.contains("..") && !name.startsWith("/") && name.indexOf('.') > 0) {
      try (InputStream in = ConsoleHandler.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
        bytes = in == null ? null : in.readAllBytes();
      }
    }
    if (bytes == null) {
      send(exchange, 404, TYPES.get("txt"), ("no such console page: " + name).getBytes(StandardCharsets.UTF_8));
      return;
    }
    String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    send(exchange, 200, type, bytes);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }

  /** Ends the live streams. */
  @Override
  public void close() {
    events.close();
  }
}
