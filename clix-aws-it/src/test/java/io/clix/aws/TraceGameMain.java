package io.clix.aws;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;

/**
 * Plays full games (both modes, a lobby timeout and a round deadline included) in a JVM whose
 * logging runs at TRACE, for {@link TraceLogTest}. Logs go to stderr; at the end every task token
 * that crossed the wire (seen by an SDK interceptor) is printed to stdout, Base64-encoded, one per
 * line after a {@code TOKEN } prefix, so the parent can search the logs for each.
 */
public final class TraceGameMain {

  private TraceGameMain() {}

  public static void main(String[] args) {
    Set<String> tokens = ConcurrentHashMap.newKeySet();
    ExecutionInterceptor spy = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Object r = context.request();
        if (r instanceof SendTaskSuccessRequest) {
          tokens.add(((SendTaskSuccessRequest) r).taskToken());
        } else if (r instanceof SendTaskFailureRequest) {
          tokens.add(((SendTaskFailureRequest) r).taskToken());
        } else if (r instanceof SendTaskHeartbeatRequest) {
          tokens.add(((SendTaskHeartbeatRequest) r).taskToken());
        }
      }

      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Object r = context.response();
        if (r instanceof GetActivityTaskResponse && ((GetActivityTaskResponse) r).taskToken() != null) {
          tokens.add(((GetActivityTaskResponse) r).taskToken());
        } else if (r instanceof UpdateItemResponse && ((UpdateItemResponse) r).hasAttributes()) {
          AttributeValue token = ((UpdateItemResponse) r).attributes().get("waitToken");
          if (token != null) {
            tokens.add(token.s());
          }
        }
      }
    };
    for (Correlation correlation : Correlation.values()) {
      try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).addInterceptor(spy).start()) {
        AwsGameOrchestrator games = aws.orchestrator("trace");
        GameSpec.Builder spec = GameSpec.builder().capacity(3).minPlayers(2).rounds(2)
            .lobbyTimeout(Duration.ofSeconds(30)).roundTimeout(Duration.ofSeconds(30));
        String id = games.createGame(spec.gameId("trace-" + correlation).build()).gameId();
        games.join(id, "alice");
        games.join(id, "bob");
        aws.advance(Duration.ofSeconds(30));
        games.submitMove(id, "alice", 1, IntNode.valueOf(1));
        aws.advance(Duration.ofSeconds(30));
        games.submitMove(id, "alice", 2, IntNode.valueOf(2));
        games.submitMove(id, "bob", 2, IntNode.valueOf(3));
        aws.settle();
        games.events(id, 0);
        if (games.describe(id).status() != GameStatus.FINISHED) {
          throw new IllegalStateException("the game did not finish: " + games.describe(id));
        }
      }
    }
    for (String token : tokens) {
      System.out.println("TOKEN " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    System.out.flush();
    System.exit(0);
  }
}
