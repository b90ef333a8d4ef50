package io.clix.aws.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.aws.reliability.FaultyRun;
import io.clix.aws.reliability.TokenTrail;
import io.clix.core.ClixJson;
import io.clix.core.GameEvent;
import io.clix.core.GameView;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Task tokens are credentials. Over a whole faulty run (two instances, faults on a quarter of the
 * calls, retries, timeouts, lost answers) with every logger at TRACE, the real tokens the local
 * stack issued are collected (from the executions' histories and the activity tasks handed out),
 * and none appears in the log output, in any exception thrown to a caller (message, cause chain,
 * stack trace), in any event, view or other value returned, or in a {@code toString()}. Since
 * every token has the local stack's token shape, the search is for that shape: no match at all
 * means no token, whole or embedded.
 */
class TokenSecrecyTest {

  private static final FaultyRun.Shape SHAPE = new FaultyRun.Shape(8, 3, 2, 1, 0.25, 16);

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void noTaskTokenReachesLogsExceptionsEventsViewsOrToString(Correlation correlation) throws Exception {
    // The pom runs this class in its own execution ("secrets-at-trace") with every logger at TRACE; picked by
    // -Dtest in the default execution (logs at INFO) it says so instead of failing on the log level.
    Assumptions.assumeTrue(Boolean.getBoolean("clix.secrets.trace"),
        "runs in the secrets-at-trace execution of the pom, with every logger at TRACE");
    assertThat(LoggerFactory.getLogger("io.clix.aws").isTraceEnabled()).as("logging runs at TRACE").isTrue();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream err = System.err;
    PrintStream out = System.out;
    System.setErr(new PrintStream(tee(err, captured), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(tee(out, captured), true, StandardCharsets.UTF_8));
    Map<String, String> places = new LinkedHashMap<>();
    TokenTrail trail = new TokenTrail();
    try (FaultyRun run = new FaultyRun(correlation, SHAPE)) {
      try {
        run.play();
        run.verify();
      } finally {
        System.setErr(err);
        System.setOut(out);
      }
      run.games().forEach(g -> trail.history(g, run.deployment.history(g)));
      trail.activityTasks(run.proxy.journal());

      AwsGameOrchestrator reader = run.instances()[0];
      StringBuilder returned = new StringBuilder();
      for (String game : run.games()) {
        GameView view = reader.describe(game);
        returned.append(view).append(ClixJson.mapper().writeValueAsString(view));
        for (GameEvent e : reader.events(game, 0)) {
          returned.append(e).append(ClixJson.mapper().writeValueAsString(e));
        }
      }
      run.ledger.returned().forEach(r -> returned.append(r).append('\n'));
      run.setup.returned().forEach(r -> returned.append(r).append('\n'));
      places.put("views, events and returned values", returned.toString());
      StringBuilder thrown = new StringBuilder();
      List<Throwable> errors = new ArrayList<>(run.ledger.thrown());
      errors.addAll(run.setup.thrown());
      errors.forEach(e -> thrown.append(stackTrace(e)));
      places.put("exceptions thrown to callers (" + errors.size() + ")", thrown.toString());
      places.put("toString() of the orchestrators", List.of(run.instances()).toString());
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    places.put("log output (" + logs.length() + " chars)", logs);

    System.out.println(correlation + ": " + trail.summary() + "; searched: " + places.keySet());
    assertThat(trail.issued()).as("real tokens the stack issued during the run")
        .hasSizeGreaterThanOrEqualTo(SHAPE.games() * SHAPE.rounds());
    assertThat(trail.issued().keySet()).allMatch(t -> TokenTrail.TOKEN.matcher(t).matches());
    assertThat(logs).as("the capture saw TRACE and Clix's own DEBUG lines")
        .contains("TRACE").contains("DEBUG io.clix.aws.internal.store.TokenStore - ");
    for (Map.Entry<String, String> place : places.entrySet()) {
      assertThat(tokenShaped(place.getValue())).as("token-shaped strings in " + place.getKey()).isZero();
      long real = trail.issued().keySet().stream().filter(place.getValue()::contains).count();
      assertThat(real).as("real tokens in " + place.getKey()).isZero();
    }
  }

  private static int tokenShaped(String text) {
    Matcher m = TokenTrail.TOKEN.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String stackTrace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return e + "\n" + w;
  }

  private static OutputStream tee(OutputStream a, ByteArrayOutputStream b) {
    return new OutputStream() {
      @Override
      public void write(int c) {
        synchronized (b) {
          b.write(c);
        }
        try {
          a.write(c);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public void write(byte[] buf, int off, int len) throws java.io.IOException {
        synchronized (b) {
          b.write(buf, off, len);
        }
        a.write(buf, off, len);
      }

      @Override
      public void flush() throws java.io.IOException {
        a.flush();
      }
    };
  }
}
