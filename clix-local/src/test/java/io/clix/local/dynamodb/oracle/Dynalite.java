package io.clix.local.dynamodb.oracle;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * dynalite, the independent DynamoDB implementation (npm, pinned in {@code src/test/node}), run
 * as a child {@code node} process on a free port with tables active at once. {@link #unavailable()}
 * says why it cannot run here (no {@code node} on the PATH, or {@code npm ci} not run).
 */
final class Dynalite implements AutoCloseable {

  /** Where {@code .ci/install-oracle.sh} installs dynalite, relative to the clix-testkit module. */
  static final Path NODE_DIR = Path.of(System.getProperty("basedir", "."), "src", "test", "node");

  private final Process process;
  private final URI endpoint;

  private Dynalite(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Why dynalite cannot be started here, or empty when it can. */
  static Optional<String> unavailable() {
    Optional<Path> node = nodeExecutable();
    if (node.isEmpty()) {
      return Optional.of("`node` is not on the PATH, so the DynamoDB differential suite (embedded endpoint vs "
          + "dynalite) is skipped; install Node 20+ and run .ci/install-oracle.sh to run it");
    }
    if (!Files.isRegularFile(cli())) {
      installOnce();
    }
    if (!Files.isRegularFile(cli())) {
      return Optional.of("dynalite is not installed (" + cli().toAbsolutePath() + " is missing), so the DynamoDB "
          + "differential suite (embedded endpoint vs dynalite) is skipped; run .ci/install-oracle.sh to run it");
    }
    return Optional.empty();
  }

  /** Starts dynalite on a free port and returns once it answers on that port. */
  static Dynalite start() {
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(List.of(nodeExecutable().orElseThrow().toString(),
        cli().toAbsolutePath().toString(), "--port", Integer.toString(port),
        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
        .redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start dynalite", e);
    }
    CompletableFuture<Void> listening = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> readOutput(process, output, listening), "dynalite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      listening.get(20, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("dynalite did not start listening on port " + port + "; it printed: " + output, e);
    }
    // Should the test JVM end without closing it (a crash, an abrupt stop), the server still goes with it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }, "dynalite-stop"));
    return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
  }

  URI endpoint() {
    return endpoint;
  }

  /** Stops the process and anything it started. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void readOutput(Process process, StringBuilder output, CompletableFuture<Void> listening) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (output) {
          output.append(line).append('\n');
        }
        if (line.startsWith("Dynalite listening at")) {
          listening.complete(null);
        }
      }
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
    listening.completeExceptionally(new IllegalStateException("dynalite closed its output"));
  }

  private static Path cli() {
    return NODE_DIR.resolve(Path.of("node_modules", "dynalite", "cli.js"));
  }

  private static boolean installAttempted;

  /**
   * Installs dynalite as the lock file pins it ({@code npm ci}, what {@code .ci/install-oracle.sh}
   * does), once per test JVM, so that the README's test command needs no separate set-up step.
   */
  private static synchronized void installOnce() {
    if (installAttempted || Files.isRegularFile(cli())) {
      return;
    }
    installAttempted = true;
    Optional<Path> npm = executable("npm");
    if (npm.isEmpty()) {
      return;
    }
    System.err.println("[oracle] installing dynalite: npm ci in " + NODE_DIR.toAbsolutePath());
    try {
      Process install = new ProcessBuilder(List.of(npm.get().toString(), "ci", "--no-audit", "--no-fund"))
          .directory(NODE_DIR.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!install.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
        install.destroyForcibly();
        System.err.println("[oracle] npm ci did not finish within 5 minutes");
      } else if (install.exitValue() != 0) {
        System.err.println("[oracle] npm ci failed with exit code " + install.exitValue());
      }
    } catch (java.io.IOException e) {
      System.err.println("[oracle] npm ci could not run: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Path> nodeExecutable() {
    return executable("node");
  }

  private static Optional<Path> executable(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of(command, command + ".exe", command + ".cmd")) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
