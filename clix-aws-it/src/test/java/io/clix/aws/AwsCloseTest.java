package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameSpec;
import io.clix.core.OrchestratorClosedException;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * After close() the AWS orchestrator refuses every call with OrchestratorClosedException, as the
 * in-memory one does, before its arguments are checked, and writes nothing; other orchestrators on
 * the same table go on.
 */
class AwsCloseTest {

  @Test
  void everyCallAfterCloseIsRefusedAndWritesNothing() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start()) {
      AwsGameOrchestrator games = aws.orchestrator("closing");
      AwsGameOrchestrator other = aws.orchestrator("other");
      String id = games.createGame(GameSpec.builder().gameId("closed-before").capacity(2).build()).gameId();
      games.join(id, "alice");
      long version = other.describe(id).version();
      games.close();

      assertThatThrownBy(() -> games.createGame(GameSpec.builder().gameId("closed-after").build()))
          .isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.join(id, "bob")).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.leave(id, "alice")).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.startNow(id)).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.submitMove(id, "alice", 1, IntNode.valueOf(1)))
          .isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.finish(id, null)).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.cancel(id, "bye")).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.describe(id)).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.events(id, 0)).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.addListener(e -> { })).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.registerTaskToken(id, "lobby", "token"))
          .isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.joinAsync(id, "bob", null).get())
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OrchestratorClosedException.class);
      // Closed is told before any argument is checked.
      assertThatThrownBy(() -> games.createGame(null)).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.join("bad id!", null)).isInstanceOf(OrchestratorClosedException.class);
      assertThatThrownBy(() -> games.registerTaskToken(id, "nowhere", ""))
          .isInstanceOf(OrchestratorClosedException.class);
      games.close(); // a second close changes nothing

      assertThat(other.describe(id).version()).as("nothing written").isEqualTo(version);
      assertThat(other.describe(id).players()).hasSize(1);
      assertThatThrownBy(() -> other.describe("closed-after")).isInstanceOf(GameNotFoundException.class);
    }
  }
}
