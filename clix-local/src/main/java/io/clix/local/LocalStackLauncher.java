package io.clix.local;

import io.clix.core.time.ManualClock;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone launcher of the local stack, for other tools and languages:
 * {@code java -jar clix-testkit/target/clix-local.jar --port 4566}. Prints one line with the
 * endpoint (and one with the web console's address) and serves until killed.
 */
public final class LocalStackLauncher {

  private LocalStackLauncher() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 4566;
    String host = "127.0.0.1";
    boolean console = true;
    boolean manualClock = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          port = Integer.parseInt(value(args, ++i, "--port"));
          break;
        case "--host":
          host = value(args, ++i, "--host");
          break;
        case "--no-console":
          console = false;
          break;
        case "--manual-clock":
          manualClock = true;
          break;
        case "--help":
        case "-h":
          System.out.println("usage: java -jar clix-local.jar [--port 4566] [--host 127.0.0.1] [--no-console] [--manual-clock]");
          System.out.println("  --no-console    do not serve the web console at /console/");
          System.out.println("  --manual-clock  run on a manual clock that only the console moves forward");
          return;
        default:
          System.err.println("unknown option: " + args[i] + " (try --help)");
          System.exit(2);
      }
    }
    LocalStack.Builder builder = LocalStack.builder().host(host).port(port).console(console);
    if (manualClock) {
      builder.clock(ManualClock.create());
    }
    LocalStack stack = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "clix-local-shutdown"));
    System.out.println("Clix local stack listening on http://" + host + ":" + stack.port());
    if (console) {
      System.out.println("Console: http://" + host + ":" + stack.port() + "/console/");
    }
    System.out.flush();
    new CountDownLatch(1).await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return args[i];
  }
}
