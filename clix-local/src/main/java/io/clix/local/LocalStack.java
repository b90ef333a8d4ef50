package io.clix.local;

import io.clix.core.time.ManualClock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clix.local.internal.console.ConsoleApi;
import io.clix.local.internal.console.ConsoleHandler;
import io.clix.local.internal.dynamodb.DynamoDbService;
import io.clix.local.internal.http.AwsJsonServer;
import io.clix.local.internal.http.AwsJsonService;
import io.clix.local.internal.http.ForwardingJsonService;
import io.clix.local.internal.sfn.ExecutionRetention;
import io.clix.local.internal.sfn.ResourceHandler;
import io.clix.local.internal.sfn.SfnSnapshot;
import io.clix.local.internal.sfn.StepFunctionsService;
import io.clix.local.internal.sfn.asl.StatesError;
import io.clix.local.internal.sfn.mock.MockConfig;
import io.clix.local.internal.sfn.mock.MockConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An embedded AWS endpoint, Step Functions and DynamoDB on one port, that the unmodified
 * {@code SfnClient} and {@code DynamoDbClient} talk to over HTTP: pure Java, no Docker, no Node,
 * no AWS account. Point a client at {@link #endpoint()} with any region and dummy static
 * credentials.
 *
 * <p>Run it on a {@link ManualClock} and every timer of every execution (Wait states, task
 * timeouts, heartbeats, retries, long polls) and every TTL moves only when the test calls
 * {@link #advance(Duration)}, which returns once the executions have processed what fell due.
 * Task states can use activities, {@code .waitForTaskToken}, the DynamoDB integrations, and any
 * resource ARN bound to a Java {@link TaskHandler} with {@link Builder#resource(String, TaskHandler)}.
 * With a Step Functions Local mock configuration ({@link Builder#mockConfig(Path)}), an execution
 * started on {@code <state machine ARN>#<test case>} answers the Task states of that test case with
 * their mocked responses instead of calling anything.
 * In JUnit 5 tests, {@code LocalStackExtension} (clix-local-junit5) starts one per test class and injects it.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().clock(ManualClock.create()).start()) {
 *   SfnClient sfn = LocalStackClients.sfn(stack); // or LocalStackClients.configure(stack, SfnClient.builder())
 *   ...
 *   stack.advance(Duration.ofSeconds(20));
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

  private final Clock clock;
  private final String region;
  private final String accountId;
  private final AwsJsonServer server;
  private final DynamoDbService dynamoDb;
  private final StepFunctionsService stepFunctions;
  private final ConsoleHandler console;
  private final Object answered = new Object();
  private long generation;

  private LocalStack(Builder builder) throws IOException {
    this.clock = builder.clock;
    this.region = builder.region;
    this.accountId = builder.accountId;
    ObjectMapper mapper = new ObjectMapper();
    this.server = new AwsJsonServer(builder.host, builder.port, mapper);
    this.dynamoDb = new DynamoDbService(clock, region, accountId);
    AwsJsonService integrations = builder.dynamoDbEndpoint == null ? dynamoDb
        : new ForwardingJsonService(builder.dynamoDbEndpoint, dynamoDb.targetPrefix(), mapper);
    this.stepFunctions = new StepFunctionsService(clock, region, accountId, integrations, bound(builder.handlers),
        builder.mockConfig, new ExecutionRetention(builder.retainedExecutions, builder.executionRetention));
    server.register(counted(dynamoDb));
    server.register(counted(dynamoDb.streams()));
    server.register(counted(stepFunctions));
    if (builder.console) {
      ConsoleApi api = new ConsoleApi(mapper, clock, clock instanceof ManualClock ? this::advance : null,
          stepFunctions.consoleView(), dynamoDb);
      this.console = new ConsoleHandler(mapper, api);
      server.route("/console", console);
    } else {
      this.console = null;
    }
    server.start();
  }

  /** The handlers as the engine calls them: a {@link TaskFailure} becomes the engine's failure, same error and cause. */
  private static Map<String, ResourceHandler> bound(Map<String, TaskHandler> handlers) {
    Map<String, ResourceHandler> bound = new LinkedHashMap<>();
    handlers.forEach((arn, handler) -> bound.put(arn, input -> {
      try {
        return handler.handle(input);
      } catch (TaskFailure e) {
        throw new StatesError(e.error(), e.cause());
      }
    }));
    return bound;
  }

  /** A builder with the defaults: system clock, a free port on 127.0.0.1, us-east-1, account 123456789012. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a local stack with the defaults on a free port. */
  public static LocalStack start() {
    return builder().start();
  }

  /** The HTTP endpoint both services answer on, e.g. {@code http://127.0.0.1:4566}. */
  public URI endpoint() {
    return server.endpoint();
  }

  /** The port the stack listens on. */
  public int port() {
    return server.port();
  }

  /** The clock every timer of the stack runs on. */
  public Clock clock() {
    return clock;
  }

  /** The region in the ARNs the stack hands out. */
  public String region() {
    return region;
  }

  /** The account id in the ARNs the stack hands out. */
  public String accountId() {
    return accountId;
  }

  /**
   * Lets the executions finish what they are doing at the current time, then moves the stack's
   * {@link ManualClock} forward, firing every timer due on the way in order, and returns once the
   * executions have processed them.
   *
   * @throws IllegalStateException if the stack does not run on a manual clock
   */
  public void advance(Duration amount) {
    if (!(clock instanceof ManualClock)) {
      throw new IllegalStateException("advance needs a stack built with a ManualClock; this one runs on " + clock);
    }
    awaitIdle(); // what was started at the current time runs at the current time
    ((ManualClock) clock).advance(amount);
    awaitIdle();
  }

  /**
   * Waits until every execution has processed everything that is due (the stack is idle). Activity
   * tasks handed out and not answered yet are the workers' to finish: {@link #snapshot()} counts
   * them, for a test environment that also knows its workers (clix-local-junit5's
   * {@code ClixLocalEnvironment}).
   */
  public void awaitIdle() {
    stepFunctions.awaitIdle();
    dynamoDb.awaitIdle();
  }

  /**
   * How the stack stands now: running executions and their current states, activity tasks handed
   * out and not answered, tasks waiting for a worker, and the counters a test environment settles
   * on. Never blocks on the executions.
   */
  public StackSnapshot snapshot() {
    long seen;
    synchronized (answered) {
      seen = generation;
    }
    SfnSnapshot engine = stepFunctions.snapshot();
    return new StackSnapshot(seen, engine.idle(), engine.tasksHandedOut(), engine.tasksQueued(),
        engine.tasksInFlight().stream()
            .map(t -> new StackSnapshot.TaskInFlight(t.activityArn(), t.workerName(), t.handedOutAt())).toList(),
        engine.openExecutions().stream()
            .map(e -> new StackSnapshot.OpenExecution(e.executionArn(), e.currentState())).toList());
  }

  /**
   * Waits until the stack has answered an API call after the {@code seen}-th one ({@link
   * StackSnapshot#generation()}), or until {@code max} has passed in real time.
   *
   * @return true if a later call was answered
   */
  public boolean awaitAnswer(long seen, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (answered) {
      while (generation <= seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          answered.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** {@code service}, counting every call it answers (or refuses) in {@link #generation}. */
  private AwsJsonService counted(AwsJsonService service) {
    return new AwsJsonService() {
      @Override
      public String targetPrefix() {
        return service.targetPrefix();
      }

      @Override
      public com.fasterxml.jackson.databind.JsonNode handle(String operation,
          com.fasterxml.jackson.databind.JsonNode request) {
        try {
          return service.handle(operation, request);
        } finally {
          synchronized (answered) {
            generation++;
            answered.notifyAll();
          }
        }
      }
    };
  }

  @Override
  public void close() {
    if (console != null) {
      console.close();
    }
    server.close();
    stepFunctions.close();
    dynamoDb.close();
  }

  /** Options for a {@link LocalStack}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String host = "127.0.0.1";
    private int port;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();
    private URI dynamoDbEndpoint;
    private boolean console = true;
    private MockConfig mockConfig;
    private int retainedExecutions = ExecutionRetention.DEFAULT.maxEnded();
    private Duration executionRetention = ExecutionRetention.DEFAULT.age();

    private Builder() {}

    /**
     * How many executions that have ended (succeeded, failed, timed out or aborted) the stack keeps
     * for DescribeExecution, GetExecutionHistory and ListExecutions; beyond that the oldest ended
     * are forgotten (as AWS forgets them after 90 days). Running executions are always kept.
     * Default 25,000, a few hundred megabytes of heap at most.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public Builder retainedExecutions(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("retainedExecutions must be >= 0: " + max);
      }
      this.retainedExecutions = max;
      return this;
    }

    /**
     * How long after its end, on the stack's clock, an ended execution is kept (at most {@link
     * #retainedExecutions(int)} of them are). Default 90 days, as AWS.
     *
     * @throws IllegalArgumentException if {@code age} is negative
     */
    public Builder executionRetention(Duration age) {
      Objects.requireNonNull(age, "age");
      if (age.isNegative()) {
        throw new IllegalArgumentException("executionRetention must not be negative: " + age);
      }
      this.executionRetention = age;
      return this;
    }

    /**
     * Loads an AWS Step Functions Local mock configuration file ({@code MockConfigFile.json}: {@code
     * StateMachines} → state machine name → {@code TestCases} → test case → Task state name → mocked
     * response name, and {@code MockedResponses} → name → invocation number or range such as {@code
     * "0"} or {@code "1-2"} → {@code Return} (the service's result) or {@code Throw} ({@code Error},
     * {@code Cause})). StartExecution on {@code <state machine ARN>#<test case>} then runs that test
     * case: the Task states it names, activities and {@code .waitForTaskToken} tasks included, take
     * their mocked answers with their usual events, Retry (each retry is the next invocation) and
     * Catch; the other states run as they would without mocks. The file is read and checked now.
     *
     * @throws IllegalArgumentException if the file is not a mock configuration (the message names the bad field)
     * @throws UncheckedIOException if the file cannot be read
     */
    public Builder mockConfig(Path file) {
      Objects.requireNonNull(file, "file");
      try {
        this.mockConfig = MockConfig.read(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the mock configuration " + file, e);
      } catch (MockConfigException e) {
        throw new IllegalArgumentException("bad mock configuration " + file + ": " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * As {@link #mockConfig(Path)}, from the mock configuration's JSON text.
     *
     * @throws IllegalArgumentException if {@code json} is not a mock configuration
     */
    public Builder mockConfigJson(String json) {
      Objects.requireNonNull(json, "json");
      try {
        this.mockConfig = MockConfig.parse(json);
      } catch (MockConfigException e) {
        throw new IllegalArgumentException("bad mock configuration: " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Serves the web console at {@code /console/} on the stack's port (state machines drawn as
     * graphs, executions, activities, tables, and the manual clock); default {@code true}.
     */
    public Builder console(boolean enabled) {
      this.console = enabled;
      return this;
    }

    /**
     * Binds a Task resource ARN (e.g. a Lambda function ARN, or {@code arn:aws:states:::lambda:invoke})
     * to a Java function: Task states naming {@code arn} call {@code handler} instead of AWS.
     *
     * @throws IllegalArgumentException if {@code arn} is bound already
     */
    public Builder resource(String arn, TaskHandler handler) {
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(arn, handler) != null) {
        throw new IllegalArgumentException("resource bound twice: " + arn);
      }
      return this;
    }

    /** The clock all timers run on; a {@link ManualClock} for time skipping. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Makes the Step Functions DynamoDB integrations ({@code arn:aws:states:::dynamodb:*} and
     * {@code arn:aws:states:::aws-sdk:dynamodb:*}) call another DynamoDB endpoint (e.g. DynamoDB
     * Local) instead of the stack's own; default: the stack's own.
     */
    public Builder dynamoDbEndpoint(URI endpoint) {
      this.dynamoDbEndpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** The address to bind; default {@code 127.0.0.1}. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The region in ARNs; default {@code us-east-1}. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The 12-digit account id in ARNs; default {@code 123456789012}. */
    public Builder accountId(String accountId) {
      if (accountId == null || !accountId.matches("[0-9]{12}")) {
        throw new IllegalArgumentException("accountId must be 12 digits: " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public LocalStack start() {
      try {
        return new LocalStack(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the local stack on " + host + ":" + port, e);
      }
    }
  }
}
