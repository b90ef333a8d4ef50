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
case "$repo" in "$HOME/.m2"*) echo "refusing to install into $repo: use a private repository" >&2; exit 2 ;; esac
case "$dir" in "$root"*) echo "the scratch project must live outside the repository" >&2; exit 2 ;; esac
mvn_version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)

if [ ! -d "$repo" ]; then
  echo "== seeding $repo from ~/.m2/repository"
  mkdir -p "$repo"
  cp -a "$HOME/.m2/repository/." "$repo/"
fi
if [ "${SCRATCH_SKIP_INSTALL:-0}" != 1 ]; then
  echo "== installing the reactor into $repo"
  (cd "$root" && mvn -B -ntp -o -q install -DskipTests -Dmaven.repo.local="$repo")
fi

rm -rf "$dir"
mkdir -p "$dir/src/test/java/com/example"
cat > "$dir/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>scratch-local</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.clix</groupId>
        <artifactId>clix-bom</artifactId>
        <version>${mvn_version}</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>io.clix</groupId><artifactId>clix-aws</artifactId></dependency>
    <dependency><groupId>io.clix</groupId><artifactId>clix-local-junit5</artifactId><scope>test</scope></dependency>
    <dependency><groupId>io.clix</groupId><artifactId>clix-testkit</artifactId><scope>test</scope></dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.assertj</groupId><artifactId>assertj-core</artifactId><version>3.27.7</version><scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.5.0</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.16.0</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version></plugin>
    </plugins>
  </build>
</project>
POM
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
