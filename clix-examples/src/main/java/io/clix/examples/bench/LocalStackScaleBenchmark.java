package io.clix.examples.bench;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.ClixDeployment;
import io.clix.aws.ClixProvisioner;
import io.clix.aws.Correlation;
import io.clix.core.GameSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A benchmark (not a test) of the standalone local stack at scale, the stack in its own process
 * ({@code java -jar clix-local.jar}) driven through the real AWS SDK clients and the real
 * {@link AwsGameOrchestrator}: launcher start to first answer; heap per finished game execution,
 * per waiting execution and per small DynamoDB item; and the rate of opening lobbies (a game
 * created and joined once, its execution waiting for players) with the stack's heap after GC and
 * threads at each count of open lobbies. Heap is the stack process's live heap as
 * {@code jcmd PID GC.class_histogram} counts it (a full GC first). Arguments:
 * {@code [open lobby counts, default 1000,10000,100000] [finished games, default 2000]
 * [small items, default 100000] [launcher jar, default clix-local/target/clix-local.jar]
 * [stack -Xmx, default 4g]}:
 *
 * <pre>
 * mvn -B -ntp -q -pl clix-examples -am -DskipTests package exec:java@bench-scale [-Dexec.args="1000,10000 500 20000"]
 * </pre>
 */
public final class LocalStackScaleBenchmark {

  private static final int PLAYERS = 4;
  private static final int ROUNDS = 3;
  private static final int CLIENT_THREADS = 16;
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private LocalStackScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] lobbies = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,100000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int games = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int items = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    Path jar = jar(args.length > 3 ? args[3] : "clix-local/target/clix-local.jar");
    String xmx = args.length > 4 ? args[4] : "4g";
    System.out.printf("== local stack scale: %s (stack JVM -Xmx%s, %d cores here)%n", jar, xmx,
        Runtime.getRuntime().availableProcessors());
    startTime(jar);
    finishedExecutions(jar, xmx, games);
    twentyStateExecutions(jar, xmx, games * 5);
    smallItems(jar, xmx, items);
    openLobbies(jar, xmx, lobbies);
    System.exit(0);
  }

  private static Path jar(String path) {
    for (String candidate : List.of(path, "../" + path)) {
      Path p = Path.of(candidate);
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalArgumentException("no launcher jar at " + path + " (build it: mvn -pl clix-local -am package)");
  }

  /** Figure 1: launcher start (process spawned) to the first HTTP answer, five starts. */
  private static void startTime(Path jar) throws Exception {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      long start = System.nanoTime();
      Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "--port", Integer.toString(port), "--no-console")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        while (!answers(port)) {
          if (!p.isAlive()) {
            throw new IllegalStateException("launcher exited with " + p.exitValue());
          }
          Thread.sleep(2);
        }
        if (i > 0) { // the first start warms the file cache
          millis.add((System.nanoTime() - start) / 1e6);
        }
      } finally {
        stop(p);
      }
    }
    millis.sort(null);
    System.out.printf("== 1. launcher start to first answer (java -jar ... --no-console, 5 starts): median %.0f ms, min %.0f ms%n",
        millis.get(millis.size() / 2), millis.get(0));
  }

  private static boolean answers(int port) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
      c.setConnectTimeout(200);
      c.setReadTimeout(2000);
      c.getResponseCode();
      c.disconnect();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Figure 2: heap per finished execution of a full 4-player, 3-round game (its items dropped with the table). */
  private static void finishedExecutions(Path jar, String xmx, int games) throws Exception {
    try (Stack stack = Stack.start(jar, xmx)) {
      Deployed d = stack.deploy("finished");
      playGames(d, 200, "warm"); // warm-up, part of the baseline
      d.awaitEnded("warm-" + 199);
      long base = stack.heap();
      long start = System.nanoTime();
      playGames(d, games, "g");
      d.awaitEnded("g-" + (games - 1));
      double seconds = (System.nanoTime() - start) / 1e9;
      long withItems = stack.heap();
      stack.dynamoDb.deleteTable(r -> r.tableName(d.deployment.tableName()));
      long heap = stack.heap();
      int events = stack.sfn.getExecutionHistory(r -> r.executionArn(d.executionArn("g-0")).maxResults(1000))
          .events().size();
      System.out.printf("== 2. finished games: %d games (%d history events each) in %.1f s; stack heap after GC "
              + "%.1f MB -> %.1f MB (%.1f MB with their items)%n", games, events, seconds, base / 1048576.0,
          heap / 1048576.0, withItems / 1048576.0);
      System.out.printf("   heap per finished game, its execution and 24 h of its table's stream records: %.1f KB%n",
          (heap - base) / 1024.0 / games);
      d.close();
    }
  }

  /**
   * Figure 2b: heap per finished execution of a 20-state machine (Pass and Choice states on a
   * game-sized input of about 700 bytes), the Step Functions side alone.
   */
  private static void twentyStateExecutions(Path jar, String xmx, int executions) throws Exception {
    StringBuilder states = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      String next = i == 20 ? "\"End\": true" : "\"Next\": \"S" + (i + 1) + "\"";
      if (i % 5 == 0 && i < 20) {
        states.append(String.format("\"S%d\": {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.step.n\", "
            + "\"NumericGreaterThan\": 100, \"Next\": \"S20\"}], \"Default\": \"S%d\"},", i, i + 1));
      } else {
        states.append(String.format("\"S%d\": {\"Type\": \"Pass\", \"Result\": {\"n\": %d, \"state\": \"S%d\"}, "
            + "\"ResultPath\": \"$.step\", %s}%s", i, i, i, next, i == 20 ? "" : ","));
      }
    }
    String definition = "{\"StartAt\": \"S1\", \"States\": {" + states + "}}";
    StringBuilder players = new StringBuilder();
    for (int p = 1; p <= 4; p++) {
      players.append(p > 1 ? "," : "").append(String.format("{\"id\": \"player-%d\", \"joinedAt\": "
          + "\"2026-01-01T00:00:0%dZ\", \"score\": %d, \"moves\": [1, 2, 3]}", p, p, p * 10));
    }
    try (Stack stack = Stack.start(jar, xmx)) {
      String arn = stack.sfn.createStateMachine(r -> r.name("twenty").definition(definition)
          .roleArn("arn:aws:iam::123456789012:role/clix-local")).stateMachineArn();
      String input = "{\"gameId\": \"%s\", \"status\": \"PLAYING\", \"round\": 2, \"players\": [" + players
          + "], \"schedule\": [{\"r\": 1, \"t\": \"2026-01-01T01:00:00Z\", \"p\": \"round\"}], "
          + "\"settings\": {\"capacity\": 4, \"rounds\": 3, \"lobbyTimeoutSeconds\": 20, \"roundTimeoutSeconds\": 30}}";
      Deployed.parallel(200, i -> stack.sfn.startExecution(r -> r.stateMachineArn(arn).name("warm-" + i)
          .input(String.format(input, "warm-" + i))));
      awaitSucceeded(stack, arn, "warm-199");
      long base = stack.heap();
      long start = System.nanoTime();
      Deployed.parallel(executions, i -> stack.sfn.startExecution(r -> r.stateMachineArn(arn).name("x-" + i)
          .input(String.format(input, "x-" + i))));
      awaitSucceeded(stack, arn, "x-" + (executions - 1));
      double seconds = (System.nanoTime() - start) / 1e9;
      long heap = stack.heap();
      String last = arn.replace(":stateMachine:", ":execution:") + ":x-0";
      int events = stack.sfn.getExecutionHistory(r -> r.executionArn(last).maxResults(1000)).events().size();
      System.out.printf("== 2b. finished 20-state executions (Pass and Choice, %d-byte input, %d history events each): "
          + "%d in %.1f s; heap per retained finished execution: %.1f KB%n", String.format(input, "x-0").length(), events,
          executions, seconds, (heap - base) / 1024.0 / executions);
    }
  }

  private static void awaitSucceeded(Stack stack, String machineArn, String name) throws InterruptedException {
    String arn = machineArn.replace(":stateMachine:", ":execution:") + ":" + name;
    while (stack.sfn.describeExecution(r -> r.executionArn(arn)).status() == ExecutionStatus.RUNNING) {
      Thread.sleep(20);
    }
  }

  private static void playGames(Deployed d, int games, String prefix) throws Exception {
    Deployed.parallel(games, g -> {
      String id = prefix + "-" + g;
      d.games.createGame(spec(id));
      for (int p = 1; p <= PLAYERS; p++) {
        d.games.join(id, "p" + p);
      }
      for (int r = 1; r <= ROUNDS; r++) {
        for (int p = 1; p <= PLAYERS; p++) {
          d.games.submitMove(id, "p" + p, r, IntNode.valueOf(p));
        }
      }
    });
  }

  /** Figure 3: heap per small item (a string key, a number sort key and one short string). */
  private static void smallItems(Path jar, String xmx, int items) throws Exception {
    try (Stack stack = Stack.start(jar, xmx)) {
      stack.dynamoDb.createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
              a -> a.attributeName("sk").attributeType(ScalarAttributeType.N)));
      long base = stack.heap();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> calls = new ArrayList<>();
      for (int from = 0; from < items; from += 25) {
        int first = from;
        calls.add(pool.submit(() -> {
          List<WriteRequest> batch = new ArrayList<>();
          for (int i = first; i < Math.min(items, first + 25); i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                "pk", AttributeValue.fromS(String.format("player-%08d", i)), "sk", AttributeValue.fromN(Integer.toString(i % 100)),
                "name", AttributeValue.fromS("name-" + i))).build()).build());
          }
          stack.dynamoDb.batchWriteItem(r -> r.requestItems(Map.of("items", batch)));
        }));
      }
      for (Future<?> f : calls) {
        f.get();
      }
      pool.shutdown();
      long heap = stack.heap();
      System.out.printf("== 3. small items (pk S 'player-00000001', sk N, name S; ~40 bytes): %d items; "
          + "heap per item %.0f bytes%n", items, (heap - base) / (double) items);
    }
  }

  /** Figure 4: rate of opening lobbies, heap and threads of the stack at each count of open lobbies. */
  private static void openLobbies(Path jar, String xmx, int[] levels) throws Exception {
    try (Stack stack = Stack.start(jar, xmx)) {
      Deployed d = stack.deploy("lobbies");
      long base = stack.heap();
      System.out.printf("== 4. open lobbies (createGame + one join, callbacks mode; %d client threads); "
          + "stack heap after GC %.1f MB and %d threads before%n", CLIENT_THREADS, base / 1048576.0, stack.threads());
      System.out.printf("   %10s %16s %16s %14s %9s%n", "open", "rate (last 1k)", "rate (step)", "heap MB", "threads");
      int open = 0;
      for (int level : levels) {
        int from = open;
        int window = Math.min(1000, (level - from) / 2);
        long stepStart = System.nanoTime();
        Deployed.parallel(level - window - from, i -> d.openLobby("lobby-" + (from + i)));
        long windowStart = System.nanoTime();
        Deployed.parallel(window, i -> d.openLobby("lobby-" + (level - window + i)));
        long end = System.nanoTime();
        open = level;
        if (level > 0) {
          d.awaitWaiting("lobby-" + (level - 1));
        }
        long heap = stack.heap();
        System.out.printf("   %10d %14.0f/s %14.0f/s %14.1f %9d%n", level, window / ((end - windowStart) / 1e9),
            (level - from) / ((end - stepStart) / 1e9), heap / 1048576.0, stack.threads());
      }
      long withItems = stack.heap();
      stack.dynamoDb.deleteTable(r -> r.tableName(d.deployment.tableName()));
      long heap = stack.heap();
      System.out.printf("   heap per open lobby %.1f KB: per waiting execution %.1f KB, its items %.1f KB%n",
          (withItems - base) / 1024.0 / open, (heap - base) / 1024.0 / open, (withItems - heap) / 1024.0 / open);
      d.close();
    }
  }

  private static GameSpec spec(String id) {
    return GameSpec.builder().gameId(id).capacity(PLAYERS).minPlayers(2).rounds(ROUNDS)
        .lobbyTimeout(Duration.ofHours(12)).roundTimeout(Duration.ofHours(12)).build();
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
    }
  }

  /** The launcher in its own process and clients on it. */
  private static final class Stack implements AutoCloseable {
    final Process process;
    final URI endpoint;
    final SfnClient sfn;
    final DynamoDbClient dynamoDb;
    final SfnAsyncClient sfnAsync;
    final DynamoDbAsyncClient dynamoDbAsync;

    private Stack(Process process, URI endpoint) {
      this.process = process;
      this.endpoint = endpoint;
      StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));
      this.sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
          .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
          .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build()).build();
      this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
      this.sfnAsync = SfnAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(credentials)
          .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
          .httpClient(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofSeconds(70)).maxConcurrency(256).build())
          .build();
      this.dynamoDbAsync = DynamoDbAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(credentials)
          .httpClient(NettyNioAsyncHttpClient.builder().maxConcurrency(256).build()).build();
    }

    static Stack start(Path jar, String xmx) throws IOException {
      Process p = new ProcessBuilder(java(), "-Xmx" + xmx, "-jar", jar.toString(), "--port", "0", "--no-console")
          .redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          Thread drain = new Thread(() -> {
            try {
              while (out.readLine() != null) {
                // discard
              }
            } catch (IOException e) {
              // the stack ended
            }
          }, "stack-output");
          drain.setDaemon(true);
          drain.start();
          return new Stack(p, URI.create(m.group(1)));
        }
      }
      throw new IllegalStateException("the launcher ended without serving");
    }

    Deployed deploy(String name) {
      ClixDeployment deployment = ClixProvisioner.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
          .tableName(name + "-games").stateMachineName(name + "-callbacks").activityPrefix(name)
          .roleArn("arn:aws:iam::123456789012:role/clix-local").correlation(Correlation.CALLBACKS)
          .tableWait(Duration.ofMillis(20), Duration.ofSeconds(30)).build().provision();
      AwsGameOrchestrator games = AwsGameOrchestrator.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
          .sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync).deployment(deployment)
          .clock(Clock.systemUTC()).workerName(name + "-w1").build();
      return new Deployed(this, deployment, games);
    }

    /** The stack process's live heap in bytes: the total of a class histogram (which runs a full GC first). */
    long heap() throws IOException, InterruptedException {
      String histogram = jcmd("GC.class_histogram");
      if (Boolean.getBoolean("bench.histogram")) { // -Dbench.histogram=true: the top of each histogram
        histogram.lines().limit(16).forEach(line -> System.out.println("   | " + line));
      }
      Matcher m = Pattern.compile("Total\\s+(\\d+)\\s+(\\d+)").matcher(histogram);
      if (!m.find()) {
        throw new IllegalStateException("no total in the class histogram: " + histogram);
      }
      return Long.parseLong(m.group(2));
    }

    /** The stack process's live Java threads (the JVM's own GC and compiler threads not counted). */
    int threads() throws IOException, InterruptedException {
      int n = 0;
      for (String line : jcmd("Thread.print").split("\n")) {
        if (line.startsWith("\"") && line.contains("\" #")) {
          n++;
        }
      }
      return n;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
      String java = java();
      Path jcmd = Path.of(java).resolveSibling("jcmd");
      Process p = new ProcessBuilder(Files.exists(jcmd) ? jcmd.toString() : "jcmd", Long.toString(process.pid()), command)
          .redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return text;
    }

    @Override
    public void close() throws Exception {
      sfn.close();
      dynamoDb.close();
      sfnAsync.close();
      dynamoDbAsync.close();
      stop(process);
    }
  }

  /** A deployment on the stack and a backend instance on it. */
  private static final class Deployed {
    final Stack stack;
    final ClixDeployment deployment;
    final AwsGameOrchestrator games;

    Deployed(Stack stack, ClixDeployment deployment, AwsGameOrchestrator games) {
      this.stack = stack;
      this.deployment = deployment;
      this.games = games;
    }

    void openLobby(String id) {
      games.createGame(spec(id));
      games.join(id, "first");
    }

    String executionArn(String gameId) {
      return deployment.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + gameId;
    }

    void awaitEnded(String gameId) throws InterruptedException {
      while (stack.sfn.describeExecution(r -> r.executionArn(executionArn(gameId))).status() == ExecutionStatus.RUNNING) {
        Thread.sleep(20);
      }
    }

    /** Waits until the execution of {@code gameId} has parked in its lobby wait (its history no longer grows). */
    void awaitWaiting(String gameId) throws InterruptedException {
      int last = -1;
      while (true) {
        int size = stack.sfn.getExecutionHistory(r -> r.executionArn(executionArn(gameId)).maxResults(1000))
            .events().size();
        if (size == last) {
          return;
        }
        last = size;
        Thread.sleep(200);
      }
    }

    interface Work {
      void run(int i) throws Exception;
    }

    static void parallel(int count, Work work) throws Exception {
      if (count <= 0) {
        return;
      }
      ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
      List<Future<?>> calls = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int n = i;
        calls.add(pool.submit(() -> {
          work.run(n);
          return null;
        }));
      }
      for (Future<?> f : calls) {
        f.get();
      }
      pool.shutdown();
    }

    void close() {
      games.close();
    }
  }
}
