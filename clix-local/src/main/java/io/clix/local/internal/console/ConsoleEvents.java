package io.clix.local.internal.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's live updates: a Server-Sent Events stream that sends a {@code change} event (with
 * the clock) whenever what the console shows has changed, checked a few times a second, and a
 * comment now and then to keep the connection open. Each stream holds one server thread.
 */
final class ConsoleEvents implements AutoCloseable {

  private static final long CHECK_MILLIS = 200;
  private static final long KEEPALIVE_MILLIS = 15_000;

  private final ConsoleApi api;
  private final Set<Thread> streams = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  ConsoleEvents(ConsoleApi api) {
    this.api = api;
  }

  void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    Thread thread = Thread.currentThread();
    streams.add(thread);
    try (OutputStream out = exchange.getResponseBody()) {
      write(out, "retry: 1000\n\n");
      Long last = null;
      long quietSince = System.nanoTime();
      while (!closed && !thread.isInterrupted()) {
        long version = api.version();
        if (last == null || version != last) {
          last = version;
          write(out, "event: change\ndata: " + api.clockState() + "\n\n");
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > KEEPALIVE_MILLIS * 1_000_000) {
          write(out, ": keep-alive\n\n");
          quietSince = System.nanoTime();
        }
        try {
          Thread.sleep(CHECK_MILLIS); // a UI refresh cadence, not a test wait
        } catch (InterruptedException e) {
          thread.interrupt();
        }
      }
    } finally {
      streams.remove(thread);
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    closed = true;
    streams.forEach(Thread::interrupt);
  }
}
