package io.clix.local;

import io.clix.core.time.ManualClock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * The standalone launcher of the local stack, for other tools and languages:
 * {@code java -jar clix-local/target/clix-local.jar --port 4566}. Prints one line,
 * {@code Clix local stack listening on http://HOST:PORT}, once it serves, and serves until killed;
 * a bad option, host, port or mock configuration is one line on standard error and exit status 2.
 */
public final class LocalStackLauncher {

  static final String HELP = String.join(System.lineSeparator(),
      "usage: java -jar clix-local.jar [--port PORT] [--host HOST] [--region REGION] [--account ID]",
      "                                [--no-console] [--manual-clock] [--mock-config FILE]",
      "                                [--retained-executions N] [--execution-retention DURATION]",
      "",
      "Serves AWS Step Functions and Amazon DynamoDB on one port, over the AWS JSON 1.0 protocol",
      "(X-Amz-Target AWSStepFunctions.*, DynamoDB_20120810.* and DynamoDBStreams_20120810.*): point any",
      "AWS SDK or the CLI at the printed endpoint with any credentials (signatures are not checked). Prints",
      "\"Clix local stack listening on http://HOST:PORT\" once it serves, then serves until killed.",
      "",
      "  --port PORT      port to listen on, 0..65535 (default 4566); --port 0 picks a free port",
      "  --host HOST      address to listen on (default 127.0.0.1)",
      "  --region REGION  region it answers for, in the ARNs it hands out (default us-east-1);",
      "                   a request signed for another region (the SigV4 credential scope of its",
      "                   Authorization header) gets that region's ARNs, as AWS would answer",
      "  --account ID     12-digit account id in the ARNs (default 123456789012)",
      "  --no-console     do not serve the web console (by default at http://HOST:PORT/console/)",
      "  --manual-clock   run every timer on a manual clock that only the console's Advance moves",
      "  --mock-config FILE",
      "                   load an AWS Step Functions Local mock configuration (MockConfigFile.json);",
      "                   StartExecution on <state machine ARN>#<test case> then answers the Task",
      "                   states that test case names with their mocked responses. Default: the file",
      "                   the SFN_MOCK_CONFIG environment variable names, if it is set.",
      "  --retained-executions N",
      "                   how many ended executions to keep for DescribeExecution, GetExecutionHistory",
      "                   and ListExecutions (default 25000); beyond it the oldest ended are forgotten",
      "  --execution-retention DURATION",
      "                   how long after its end, on the stack's clock, an ended execution is kept, as",
      "                   an ISO-8601 duration (PT1H, P7D) or seconds (default P90D, as AWS)",
      "  --help, -h       print this help and exit",
      "",
      "Exit status 2: a bad option, a bad host, a port that is in use or cannot be bound, or a mock",
      "configuration that is missing or invalid.");

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?");

  private LocalStackLauncher() {}

  public static void main(String[] args) throws InterruptedException {
    LocalStack stack;
    try {
      stack = launch(args, System.out);
    } catch (LaunchException e) {
      System.err.println("clix-local: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (stack == null) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "clix-local-shutdown"));
    new CountDownLatch(1).await();
  }

  /** A launch the options or the network refused; its message is the one line the user sees. */
  static final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchException(String message) {
      super(message);
    }
  }

  /**
   * Starts the stack {@code args} describe and prints the listening line to {@code out}; prints the
   * help and returns {@code null} for {@code --help}.
   *
   * @throws LaunchException for a bad option, host, port or mock configuration
   */
  static LocalStack launch(String[] args, PrintStream out) throws LaunchException {
    return launch(args, out, System.getenv());
  }

  /** As {@link #launch(String[], PrintStream)}, reading {@code SFN_MOCK_CONFIG} from {@code env}. */
  static LocalStack launch(String[] args, PrintStream out, Map<String, String> env) throws LaunchException {
    String mockConfig = env.get("SFN_MOCK_CONFIG");
    String mockConfigSource = "SFN_MOCK_CONFIG";
    String port = "4566";
    String host = "127.0.0.1";
    boolean console = true;
    LocalStack.Builder builder = LocalStack.builder();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = value(args, ++i, "--port");
        case "--host" -> host = value(args, ++i, "--host");
        case "--region" -> {
          String region = value(args, ++i, "--region");
          if (!REGION.matcher(region).matches()) {
            throw new LaunchException("bad region '" + region + "' (expected a region name like us-east-1)");
          }
          builder.region(region);
        }
        case "--account" -> {
          String account = value(args, ++i, "--account");
          if (!account.matches("[0-9]{12}")) {
            throw new LaunchException("bad account id '" + account + "' (expected 12 digits)");
          }
          builder.accountId(account);
        }
        case "--no-console" -> console = false;
        case "--manual-clock" -> builder.clock(ManualClock.create());
        case "--mock-config" -> {
          mockConfig = value(args, ++i, "--mock-config");
          mockConfigSource = "--mock-config";
        }
        case "--retained-executions" -> {
          String max = value(args, ++i, "--retained-executions");
          try {
            builder.retainedExecutions(Integer.parseInt(max));
          } catch (IllegalArgumentException e) {
            throw new LaunchException("bad --retained-executions '" + max + "' (expected a count, 0 or more)");
          }
        }
        case "--execution-retention" -> {
          String age = value(args, ++i, "--execution-retention");
          try {
            builder.executionRetention(age.matches("[0-9]+") ? Duration.ofSeconds(Long.parseLong(age)) : Duration.parse(age));
          } catch (RuntimeException e) {
            throw new LaunchException("bad --execution-retention '" + age + "' (expected seconds or a duration like P7D)");
          }
        }
        case "--help", "-h" -> {
          out.println(HELP);
          out.flush();
          return null;
        }
        default -> throw new LaunchException("unknown option '" + args[i] + "' (try --help)");
      }
    }
    if (mockConfig != null && !mockConfig.isEmpty()) {
      mockConfig(builder, mockConfig, mockConfigSource);
    }
    builder.port(port(port)).host(checkedHost(host)).console(console);
    LocalStack stack;
    try {
      stack = builder.start();
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
        throw new LaunchException("port " + port + " on " + host + " is already in use (--port 0 picks a free port)");
      }
      throw new LaunchException("cannot listen on " + host + ":" + port + ": " + cause.getMessage());
    }
    out.println("Clix local stack listening on http://" + host + ":" + stack.port());
    if (console) {
      out.println("Console: http://" + host + ":" + stack.port() + "/console/");
    }
    out.flush();
    return stack;
  }

  private static void mockConfig(LocalStack.Builder builder, String file, String source) throws LaunchException {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new LaunchException("bad " + source + " '" + file + "' (not a file path)");
    }
    if (!Files.isRegularFile(path)) {
      throw new LaunchException(source + " file '" + file + "' does not exist");
    }
    try {
      builder.mockConfig(path);
    } catch (UncheckedIOException e) {
      throw new LaunchException("cannot read " + source + " file '" + file + "': " + e.getCause().getMessage());
    } catch (IllegalArgumentException e) {
      throw new LaunchException("bad " + source + " file '" + file + "': "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    }
  }

  private static int port(String text) throws LaunchException {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new LaunchException("bad port '" + text + "' (expected 0..65535; 0 picks a free port)");
    }
    return port;
  }

  private static String checkedHost(String host) throws LaunchException {
    if (!HOST.matcher(host).matches()) {
      throw new LaunchException("bad host '" + host + "' (expected a host name or an IP address)");
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new LaunchException("bad host '" + host + "' (unknown host)");
    }
    return host;
  }

  private static String value(String[] args, int i, String option) throws LaunchException {
    if (i >= args.length) {
      throw new LaunchException(option + " needs a value (try --help)");
    }
    return args[i];
  }
}
