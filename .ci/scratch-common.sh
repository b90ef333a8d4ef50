# Shared by the scratch checks (sourced, not run): a private Maven repository holding the reactor, and the pom of a
# user's project outside the repository. Callers set root, repo and dir first.

# Refuses ~/.m2 and a project inside the repository, seeds the private repository, installs the reactor into it
# (unless SCRATCH_SKIP_INSTALL=1) and leaves an empty project folder with src/test/java/com/example.
scratch_prepare() {
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
}

# Writes $dir/pom.xml: artifact $1, extra <properties> lines $2, <dependencies> lines $3; the Clix BOM imported,
# Java 17, the plugin versions the repository pins.
scratch_pom() {
  cat > "$dir/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>$1</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
$2
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
$3
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
}
