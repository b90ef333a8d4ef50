package io.clix.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An example Spring Boot game backend: the starter auto-configures the {@code GameOrchestrator}
 * from {@code clix.*} properties, {@link GameController} serves it as JSON over HTTP, and actuator
 * publishes Clix's meters at {@code /actuator/metrics}. Run it against AWS with
 * {@code clix.aws.state-machine-arn} (or {@code clix.aws.provision.on-start=true}) and the
 * {@code spring.cloud.aws.*} client properties; its test runs it on the local stack.
 */
@SpringBootApplication
public class GameBackendApplication {

  /** Starts the backend. */
  public static void main(String[] args) {
    SpringApplication.run(GameBackendApplication.class, args);
  }
}
