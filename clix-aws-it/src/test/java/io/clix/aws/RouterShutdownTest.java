package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.GameSpec;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Closing the orchestrator stops the router's long polls within a bounded time, leaving no worker behind. */
class RouterShutdownTest {

  private static long routerThreads(String worker) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("clix-router-" + worker) && t.isAlive()).count();
  }

  @Test
  void closeEndsEveryPollPromptly() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES).start()) {
      AwsGameOrchestrator games = aws.orchestrator(b -> b.workerName("closing").routerWorkers(6));
      games.createGame(GameSpec.builder().gameId("open").build());
      aws.settle();
      assertThat(routerThreads("closing")).isEqualTo(6);

      long start = System.nanoTime();
      games.close();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(Duration.ofSeconds(5));
      assertThat(routerThreads("closing")).isZero();
    }
  }
}
