#!/usr/bin/env bash
# A user's project OUTSIDE the repository that runs the unchanged contract suite on the supported local environment
# (clix-aws on ClixLocalEnvironment, both correlation modes), RUNS times in a row. It proves the published poms of
# clix-aws, clix-local and clix-local-junit5 stand on their own and that the environment settles without flakes.
#
# Usage: .ci/scratch-local-check.sh
# Env:   RUNS          how many times in a row (default 10)
#        SCRATCH_REPO  a PRIVATE local Maven repository to install the reactor into (default /tmp/m2-scratch;
#                      seeded from ~/.m2/repository on first use so it works offline; never ~/.m2 itself)
#        SCRATCH_DIR   where the scratch project is written (default /tmp/scratch-local)
#        SCRATCH_SKIP_INSTALL=1  reuse what is already installed in SCRATCH_REPO
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repo="${SCRATCH_REPO:-/tmp/m2-scratch}"
dir="${SCRATCH_DIR:-/tmp/scratch-local}"
runs="${RUNS:-10}"
. "$root/.ci/scratch-common.sh"
scratch_prepare
scratch_pom scratch-local '' '    <dependency><groupId>io.clix</groupId><artifactId>clix-aws</artifactId></dependency>
    <dependency><groupId>io.clix</groupId><artifactId>clix-local-junit5</artifactId><scope>test</scope></dependency>
    <dependency><groupId>io.clix</groupId><artifactId>clix-testkit</artifactId><scope>test</scope></dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.assertj</groupId><artifactId>assertj-core</artifactId><version>3.27.7</version><scope>test</scope>
    </dependency>'
for mode in CALLBACKS ACTIVITIES; do
  name="$(echo "${mode:0:1}")$(echo "${mode:1}" | tr 'A-Z' 'a-z')"
  cat > "$dir/src/test/java/com/example/${name}ContractTest.java" <<JAVA
package com.example;

import io.clix.aws.Correlation;
import io.clix.local.junit5.ClixLocalEnvironment;
import io.clix.testkit.contract.ContractEnvironment;
import io.clix.testkit.contract.GameOrchestratorContract;

class ${name}ContractTest extends GameOrchestratorContract {
  @Override
  protected ContractEnvironment createEnvironment() {
    return ClixLocalEnvironment.builder().correlation(Correlation.${mode}).start().contractEnvironment();
  }
}
JAVA
done

for run in $(seq 1 "$runs"); do
  (cd "$dir" && mvn -B -ntp -o -q test -Dmaven.repo.local="$repo") > "$dir/run-$run.log" 2>&1 || {
    cat "$dir/run-$run.log"; echo "run $run of $runs failed" >&2; exit 1; }
  echo "run $run: $(grep -h "Tests run" "$dir"/target/surefire-reports/*.txt | tr '\n' ' ')"
done
echo "$runs runs in a row green"
