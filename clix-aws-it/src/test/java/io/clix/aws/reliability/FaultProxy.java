package io.clix.aws.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WireMock as a proxy between the orchestrator's SDK clients and the local stack that injects a
 * fault on a chosen share of calls, to Step Functions and DynamoDB alike: 400 throttling (each
 * service's own {@code __type}), 500, 503, connection resets before the call reaches the stack,
 * and two lost-response faults where the call did land: a reset after the stack answered, and a
 * 2-second stall. It keeps a journal of the Step Functions calls and DynamoDB UpdateItem calls
 * (request, the stack's answer, the fault) for tests that follow task tokens. Test plumbing.
 */
public final class FaultProxy implements AutoCloseable {

  /** A fault the proxy injects. */
  public enum Fault {
    /** 400 ThrottlingException; the call does not reach the stack. */
    THROTTLING(25, false),
    /** 400 ProvisionedThroughputExceededException (DynamoDB; Step Functions has none, so ThrottlingException). */
    THROUGHPUT(20, false),
    /** 500 InternalServerError / InternalFailure. */
    INTERNAL_ERROR(15, false),
    /** 503 ServiceUnavailable. */
    UNAVAILABLE(15, false),
    /** The connection is reset before the call reaches the stack. */
    RESET(10, false),
    /** The call lands, then the connection is reset instead of the answer: a lost response. */
    RESET_AFTER(10, true),
    /** The call lands and the answer is held back 2 seconds (past the client's attempt timeout). */
    STALL(5, true);

    final int weight;
    final boolean landed;

    Fault(int weight, boolean landed) {
      this.weight = weight;
      this.landed = landed;
    }
  }

  /** One proxied call as the journal keeps it: the stack's answer is null when the call never reached it. */
  public record Exchange(String target, String request, String response, Fault fault) {}

  private static final String DYNAMO_PREFIX = "DynamoDB_20120810.";
  private static final String SFN_PREFIX = "AWSStepFunctions.";
  private static final int STALL_MILLIS = 2000;

  private final WireMockServer server;
  private final Map<UUID, Fault> decided = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final ConcurrentLinkedQueue<Exchange> journal = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
  private volatile double share;
  private volatile boolean dark;
  private volatile String darkAfter;

  private record Scripted(String operation, Fault fault) {}

  /** A proxy to {@code upstream} injecting no faults until {@link #share(double)} is set. */
  public FaultProxy(URI upstream) {
    this.server = new WireMockServer(WireMockConfiguration.options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        .containerThreads(300)
        .maxHttpClientConnections(300)
        .gzipDisabled(true)
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .notifier(new Slf4jNotifier(false))
        .extensions(new Decide(), new Deliver()));
    server.start();
    server.stubFor(WireMock.any(WireMock.anyUrl())
        .willReturn(WireMock.aResponse().proxiedFrom(upstream.toString())));
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Injects a fault on this share of calls from now on (0 turns faults off). */
  public FaultProxy share(double share) {
    this.share = share;
    return this;
  }

  /**
   * Injects {@code fault} on the next call of {@code operation} (e.g. {@code "TransactWriteItems"},
   * {@code "SendTaskSuccess"}), whatever the share; scripted faults apply in the order given.
   */
  public FaultProxy failNext(String operation, Fault fault) {
    script.add(new Scripted(operation, fault));
    return this;
  }

  /**
   * From now on every call is reset before it reaches the stack, as if the instance behind this
   * proxy had died; {@code false} brings it back.
   */
  public FaultProxy dark(boolean dark) {
    this.dark = dark;
    return this;
  }

  /** Lets the next call of {@code operation} through, then goes {@link #dark(boolean) dark}. */
  public FaultProxy darkAfter(String operation) {
    this.darkAfter = operation;
    return this;
  }

  /** Scripted faults not applied yet. */
  public int scriptedLeft() {
    return script.size();
  }

  /** Calls seen so far. */
  public long calls() {
    return calls.get();
  }

  /** Faults injected so far, by "fault service". */
  public Map<String, Long> injected() {
    Map<String, Long> out = new TreeMap<>();
    injected.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Faults injected so far, in all. */
  public long injectedTotal() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** The Step Functions calls and DynamoDB UpdateItem calls so far. */
  public List<Exchange> journal() {
    return new ArrayList<>(journal);
  }

  private static Fault pick() {
    int total = 0;
    for (Fault f : Fault.values()) {
      total += f.weight;
    }
    int r = ThreadLocalRandom.current().nextInt(total);
    for (Fault f : Fault.values()) {
      r -= f.weight;
      if (r < 0) {
        return f;
      }
    }
    throw new AssertionError();
  }

  private static boolean dynamo(String target) {
    return target != null && target.startsWith(DYNAMO_PREFIX);
  }

  private static boolean journaled(String target) {
    return target != null && (target.startsWith(SFN_PREFIX) || target.equals(DYNAMO_PREFIX + "UpdateItem"));
  }

  private static ResponseDefinition error(String target, Fault fault) {
    boolean dynamo = dynamo(target);
    int status;
    String type;
    String message;
    switch (fault) {
      case THROTTLING:
        status = 400;
        type = dynamo ? "com.amazon.coral.availability#ThrottlingException" : "ThrottlingException";
        message = "Rate of requests exceeds the allowed throughput.";
        break;
      case THROUGHPUT:
        status = 400;
        type = dynamo ? "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException"
            : "ThrottlingException";
        message = "The level of configured provisioned throughput for the table was exceeded.";
        break;
      case INTERNAL_ERROR:
        status = 500;
        type = dynamo ? "com.amazonaws.dynamodb.v20120810#InternalServerError" : "InternalFailure";
        message = "Internal server error";
        break;
      default:
        status = 503;
        type = dynamo ? "com.amazon.coral.availability#ServiceUnavailableException" : "ServiceUnavailable";
        message = "Service unavailable";
    }
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.0")
        .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
        .build();
  }

  private Fault scripted(String target) {
    if (target == null || script.isEmpty()) {
      return null;
    }
    synchronized (script) {
      for (Scripted s : script) {
        if (target.endsWith("." + s.operation())) {
          script.remove(s);
          return s.fault();
        }
      }
    }
    return null;
  }

  /** Decides each call's fault before it is proxied; faults that stop the call answer here. */
  private final class Decide implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      calls.incrementAndGet();
      String target = event.getRequest().getHeader("X-Amz-Target");
      String after = darkAfter;
      if (after != null && target != null && target.endsWith("." + after)) {
        darkAfter = null;
        dark = true;
        return event.getResponseDefinition();
      }
      Fault fault = dark ? Fault.RESET : scripted(target);
      if (fault == null) {
        double s = share;
        if (s <= 0 || ThreadLocalRandom.current().nextDouble() >= s) {
          return event.getResponseDefinition();
        }
        fault = pick();
      }
      String service = dynamo(target) ? "DynamoDB" : "StepFunctions";
      injected.computeIfAbsent(fault + " " + service, k -> new AtomicLong()).incrementAndGet();
      if (fault.landed) {
        decided.put(event.getId(), fault);
        return event.getResponseDefinition();
      }
      if (journaled(target)) {
        journal.add(new Exchange(target, event.getRequest().getBodyAsString(), null, fault));
      }
      if (fault == Fault.RESET) {
        return ResponseDefinitionBuilder.responseDefinition()
            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
      }
      return error(target, fault);
    }

    @Override
    public String getName() {
      return "clix-fault-decide";
    }
  }

  /** Journals the stack's answer, then loses it (reset) or holds it back (stall) if so decided. */
  private final class Deliver implements ResponseTransformerV2 {
    @Override
    public Response transform(Response response, ServeEvent event) {
      String target = event.getRequest().getHeader("X-Amz-Target");
      if (!event.getResponseDefinition().isProxyResponse()) {
        return response;
      }
      Fault fault = decided.remove(event.getId());
      if (journaled(target)) {
        journal.add(new Exchange(target, event.getRequest().getBodyAsString(), response.getBodyAsString(), fault));
      }
      if (fault == Fault.RESET_AFTER) {
        return Response.Builder.like(response)
            .fault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
      }
      if (fault == Fault.STALL) {
        return Response.Builder.like(response).incrementInitialDelay(STALL_MILLIS).build();
      }
      return response;
    }

    @Override
    public String getName() {
      return "clix-fault-deliver";
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
