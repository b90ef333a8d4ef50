package io.clix.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The configuration processor's metadata ships in the jar, so IDEs complete {@code clix.*}. */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribed() throws IOException {
    String json;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json).contains("\"clix.mode\"", "\"clix.aws.table-name\"", "\"clix.aws.state-machine-arn\"",
        "\"clix.aws.correlation\"", "\"clix.aws.router-workers\"", "\"clix.aws.heartbeat\"",
        "\"clix.aws.provision.on-start\"", "\"clix.aws.provision.role-arn\"", "\"clix.metrics-enabled\"",
        "\"clix.tracing-enabled\"");
    assertThat(json).contains("The game table.");
    assertThat(json).contains("\"spring.cloud.aws.region.static\"", "\"spring.cloud.aws.endpoint\"",
        "\"spring.cloud.aws.dynamodb.endpoint\"", "\"spring.cloud.aws.sfn.endpoint\"",
        "\"spring.cloud.aws.credentials.access-key\"", "\"spring.cloud.aws.credentials.secret-key\"",
        "default region provider chain");
  }
}
