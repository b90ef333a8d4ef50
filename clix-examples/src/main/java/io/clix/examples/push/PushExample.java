package io.clix.examples.push;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.GameEventStream;
import io.clix.local.junit5.ClixLocalEnvironment;
import io.clix.local.junit5.LocalStackClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Push, end to end: two backend instances ({@link PushBackend}) on one embedded local stack, each
 * with its own orchestrator and {@link GameEventStream}, so a browser connected to either instance
 * sees every event of its game whichever instance the players' calls reached. {@code main} plays
 * one game through instance A while printing the Server-Sent Events instance B pushes;
 * {@code serve} keeps both running for your own {@code curl -N} or browser {@code EventSource};
 * {@code play} only serves: open the printed play page in two or more tabs (on either instance) to
 * play a game, and the games view to see the table's games with links to the console.
 */
public final class PushExample implements AutoCloseable {

  /** How often each instance reads the stream: the floor of push latency. */
  static final Duration POLL = Duration.ofMillis(50);

  private final ClixLocalEnvironment aws;
  private final DynamoDbStreamsClient streams;
  private final PushBackend a;
  private final PushBackend b;

  private PushExample() throws IOException {
    aws = ClixLocalEnvironment.builder().clock(Clock.systemUTC()).namePrefix("push").start();
    streams = aws.closeWith(LocalStackClients.dynamoDbStreams(aws.stack()));
    a = backend("push-a");
    b = backend("push-b");
  }

  /** Starts the stack and both instances on free ports. */
  public static PushExample start() throws IOException {
    return new PushExample();
  }

  /** Instance A. */
  public PushBackend instanceA() {
    return a;
  }

  /** Instance B. */
  public PushBackend instanceB() {
    return b;
  }

  @Override
  public void close() {
    a.close();
    b.close();
    aws.close();
  }

  private PushBackend backend(String name) throws IOException {
    AwsGameOrchestrator games = aws.orchestrator(name);
    GameEventStream stream = aws.closeWith(GameEventStream.builder().orchestrator(games).dynamoDb(aws.dynamoDb())
        .streams(streams).tableName(aws.deployment().tableName()).clock(aws.clock()).build());
    stream.start(POLL);
    return PushBackend.start(games, stream, 0, this::games);
  }

  /** The games of the deployment, newest first: the executions of its state machine, each named after its game. */
  List<GameDirectory.Entry> games() {
    List<GameDirectory.Entry> out = new ArrayList<>();
    aws.sfn().listExecutionsPaginator(b -> b.stateMachineArn(aws.deployment().stateMachineArn())).executions()
        .forEach(e -> out.add(new GameDirectory.Entry(e.name(), e.executionArn(), consolePage(e.executionArn()))));
    return out;
  }

  /** The page of an execution in the local stack's console. */
  public URI consolePage(String executionArn) {
    return URI.create(aws.stack().endpoint().resolve("/console/") + "#/execution/"
        + URLEncoder.encode(executionArn, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  public static void main(String[] args) throws Exception {
    boolean serve = Arrays.asList(args).contains("serve") || Arrays.asList(args).contains("--serve");
    boolean play = Arrays.asList(args).contains("play") || Arrays.asList(args).contains("--play");
    try (PushExample example = start()) {
      URI a = example.instanceA().uri();
      URI b = example.instanceB().uri();
      System.out.println("instance A: " + a + "   instance B: " + b);
      if (play) {
        System.out.println("play:       " + a.resolve("/play/table-1") + "  (and " + b.resolve("/play/table-1")
            + " in another tab)");
        System.out.println("games view: " + a.resolve("/clix/games"));
        System.out.println("console:    " + example.aws.stack().endpoint().resolve("/console/") + "   (Ctrl-C to stop)");
        Thread.currentThread().join();
      }
      HttpClient http = HttpClient.newHttpClient();
      String game = "push-demo";
      post(http, a.resolve("/games/" + game + "?capacity=2&rounds=1"), "");
      CompletableFuture<HttpResponse<Stream<String>>> sse = http.sendAsync(
          HttpRequest.newBuilder(b.resolve("/games/" + game + "/events")).build(), HttpResponse.BodyHandlers.ofLines());
      HttpResponse<Stream<String>> response = sse.get(10, TimeUnit.SECONDS);
      Thread printer = new Thread(() -> response.body().filter(l -> !l.isEmpty())
          .forEach(line -> System.out.println("  B pushes  " + line)), "sse-printer");
      printer.setDaemon(true);
      printer.start();
      for (String call : List.of("/join?player=alice", "/join?player=bob", "/moves?player=alice&round=1",
          "/moves?player=bob&round=1")) {
        System.out.println("A <- POST /games/" + game + call);
        post(http, a.resolve("/games/" + game + call), call.startsWith("/moves") ? "\"rock\"" : "");
      }
      printer.join(Duration.ofSeconds(2).toMillis()); // let the last frames print; this is a demo, not a test
      if (serve) {
        System.out.println("serving; try: curl -N " + b + "/games/" + game + "/events   (Ctrl-C to stop)");
        Thread.currentThread().join();
      }
    }
    System.exit(0); // the SDK's async clients keep non-daemon threads for a while
  }

  private static void post(HttpClient http, URI uri, String body) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }
}
