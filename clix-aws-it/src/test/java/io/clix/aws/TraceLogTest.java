package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task tokens are credentials: with every logger at TRACE (Clix, the SDK, the local stack), full
 * games in both modes write no token into the log. The games run in a child JVM so that its
 * slf4j-simple binding starts at TRACE; the child reports the tokens it saw on the wire.
 */
class TraceLogTest {

  @Test
  void noTaskTokenReachesTheLogAtTrace(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("trace.log");
    Path out = dir.resolve("tokens.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java,
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        TraceGameMain.class.getName())
        .redirectError(log.toFile()).redirectOutput(out.toFile()).start();
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child finished").isTrue();
    String logged = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as("child exit; log tail: %s", tail(logged)).isZero();

    List<String> tokens = Files.readAllLines(out).stream().filter(l -> l.startsWith("TOKEN "))
        .map(l -> new String(Base64.getDecoder().decode(l.substring(6)), StandardCharsets.UTF_8)).toList();
    assertThat(tokens).as("tokens seen on the wire").hasSizeGreaterThan(6);
    assertThat(logged).as("the log is at TRACE").contains("TRACE").contains("DEBUG io.clix.aws");
    for (String token : tokens) {
      assertThat(logged).as("the log holds a task token").doesNotContain(token);
    }
  }

  private static String tail(String text) {
    return text.substring(Math.max(0, text.length() - 3000));
  }
}
