#!/usr/bin/env bash
# A user's project OUTSIDE the repository that depends on clix-testkit alone (the in-memory fake and the contract
# suite), run on the oldest and the newest JUnit 5 we support. It proves the published poms stand on their own and
# keeps the fake's classpath small.
#
# Usage: .ci/scratch-check.sh [junit-version ...]      (default: 5.10.3 5.14.4)
# Env:   SCRATCH_REPO  a PRIVATE local Maven repository to install the reactor into (default /tmp/m2-scratch;
#                      seeded from ~/.m2/repository on first use so it works offline; never ~/.m2 itself)
#        SCRATCH_DIR   where the scratch project is written (default /tmp/scratch-fake)
#        SCRATCH_SKIP_INSTALL=1  reuse what is already installed in SCRATCH_REPO
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repo="${SCRATCH_REPO:-/tmp/m2-scratch}"
dir="${SCRATCH_DIR:-/tmp/scratch-fake}"
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(5.10.3 5.14.4)
. "$root/.ci/scratch-common.sh"
scratch_prepare
scratch_pom scratch-fake '    <junit.version>5.14.4</junit.version>' '    <dependency>
      <groupId>io.clix</groupId>
      <artifactId>clix-testkit</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>${junit.version}</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.assertj</groupId>
      <artifactId>assertj-core</artifactId>
      <version>3.27.7</version>
      <scope>test</scope>
    </dependency>'
cat > "$dir/src/test/java/com/example/FakeGameTest.java" <<'JAVA'
package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.time.ManualClock;
import io.clix.testkit.InMemoryGameOrchestrator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeGameTest {
  @Test
  void aGamePlaysToTheEndAndAnEmptyLobbyTimesOut() {
    ManualClock clock = ManualClock.create();
    try (InMemoryGameOrchestrator games = InMemoryGameOrchestrator.create(clock)) {
      games.createGame(GameSpec.builder().gameId("g1").capacity(2).minPlayers(2)
          .lobbyTimeout(Duration.ofSeconds(20)).rounds(1).roundTimeout(Duration.ofSeconds(30)).build());
      games.join("g1", "alice");
      games.join("g1", "bob");
      games.submitMove("g1", "alice", 1, JsonNodeFactory.instance.objectNode().put("card", "A"));
      games.submitMove("g1", "bob", 1, JsonNodeFactory.instance.objectNode().put("card", "K"));
      assertThat(games.describe("g1").status()).isEqualTo(GameStatus.FINISHED);

      games.createGame(GameSpec.builder().gameId("g2").capacity(2).minPlayers(2)
          .lobbyTimeout(Duration.ofSeconds(20)).rounds(1).roundTimeout(Duration.ofSeconds(30)).build());
      clock.advance(Duration.ofSeconds(21));
      assertThat(games.describe("g2").status()).isNotEqualTo(GameStatus.LOBBY);
    }
  }
}
JAVA
cat > "$dir/src/test/java/com/example/FakeContractTest.java" <<'JAVA'
package com.example;

import io.clix.core.time.ManualClock;
import io.clix.testkit.InMemoryGameOrchestrator;
import io.clix.testkit.contract.ContractEnvironment;
import io.clix.testkit.contract.GameOrchestratorContract;

class FakeContractTest extends GameOrchestratorContract {
  @Override
  protected ContractEnvironment createEnvironment() {
    ManualClock clock = ManualClock.create();
    return ContractEnvironment.of(InMemoryGameOrchestrator.create(clock), clock);
  }
}
JAVA

for v in "${versions[@]}"; do
  echo "== JUnit $v"
  (cd "$dir" && mvn -B -ntp -o -q test -Dmaven.repo.local="$repo" -Djunit.version="$v")
  grep -h "Tests run" "$dir"/target/surefire-reports/*.txt
done

echo "== the fake's own jars (test scope, without JUnit and AssertJ)"
(cd "$dir" && mvn -B -ntp -o org.apache.maven.plugins:maven-dependency-plugin:3.11.0:list -Dmaven.repo.local="$repo" -DexcludeGroupIds=org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian,org.assertj,net.bytebuddy -DoutputFile=fake-deps.txt > /dev/null)
grep -E '^\s+[^ ]+:[^ ]+:jar:' "$dir/fake-deps.txt" | sed 's/ -- .*//'
count=$(grep -cE '^\s+[^ ]+:[^ ]+:jar:' "$dir/fake-deps.txt")
echo "jars for the fake alone: $count"
[ "$count" -lt 12 ] || { echo "the fake needs $count jars: 12 or more" >&2; exit 1; }
