package io.clix.local.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the local stack: the JDK's HTTP server answering AWS JSON 1.0 POSTs, routed by
 * {@code X-Amz-Target} to the registered services. SigV4 signatures are accepted without checking.
 */
public final class AwsJsonServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AwsJsonServer.class);
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  static {
    // Without TCP_NODELAY the response body waits for the client's delayed ACK of the headers:
    // 40 ms per call. The JDK server reads this once, when its first instance is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final ObjectMapper mapper;
  private final Map<String, AwsJsonService> services = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Binds the server; {@code port} 0 picks a free port.
   *
   * @throws IOException if the port cannot be bound
   */
  public AwsJsonServer(String host, int port, ObjectMapper mapper) throws IOException {
    this.mapper = mapper;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "clix-local-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
  }

  /** Adds a service; its {@link AwsJsonService#targetPrefix()} routes requests to it. */
  public void register(AwsJsonService service) {
    services.put(service.targetPrefix(), service);
  }

  /** Serves the requests under {@code path} (e.g. {@code /console/}) with {@code handler} instead. */
  public void route(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  public void start() {
    server.start();
  }

  public URI endpoint() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      int status;
      JsonNode body;
      if (!"POST".equalsIgnoreCase(exchange.getRequestMethod()) || target == null || target.indexOf('.') < 0) {
        status = 400;
        body = ServiceError.body("UnknownOperationException", "message", null);
      } else {
        String prefix = target.substring(0, target.indexOf('.'));
        String operation = target.substring(target.indexOf('.') + 1);
        AwsJsonService service = services.get(prefix);
        if (service == null) {
          status = 400;
          body = ServiceError.body("UnknownOperationException", "message", null);
        } else {
          JsonNode request;
          try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            request = bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
            if (request == null || request.isMissingNode() || request.isNull()) {
              request = mapper.createObjectNode();
            }
          } catch (JsonProcessingException e) {
            request = null;
          }
          if (request == null || !request.isObject()) {
            status = 400;
            body = ServiceError.body("SerializationException", "Message", "Start of structure or map found where not expected.");
          } else {
            JsonNode answer;
            int answerStatus;
            try {
              RequestRegion.set(RequestRegion.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization")));
              answer = service.handle(operation, request);
              answerStatus = 200;
            } catch (ServiceError e) {
              answer = e.body();
              answerStatus = e.status();
            } catch (RuntimeException | StackOverflowError e) {
              // Whatever a handler throws (a parser recursing on a request nested thousands deep included)
              // gets an AWS-shaped 500 answer, and the server goes on serving.
              LOG.error("local stack failed on {}", target, e instanceof StackOverflowError ? e.toString() : e);
              ObjectNode error = ServiceError.body("InternalServerError", "message",
                  "The local stack failed: " + e);
              answer = error;
              answerStatus = 500;
            } finally {
              RequestRegion.set(null);
            }
            status = answerStatus;
            body = answer == null ? mapper.createObjectNode() : answer;
          }
        }
      }
      byte[] bytes = mapper.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      LOG.debug("client went away: {}", e.toString());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
