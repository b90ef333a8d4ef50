package io.clix.spring.test;

import io.clix.spring.internal.LocalStackBeans;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a {@code @SpringBootTest} on Clix's local stack (clix-local): the context gets a started
 * {@code io.clix.local.LocalStack} bean, Step Functions and DynamoDB clients on it (sync and async,
 * from {@code LocalStackClients}), and the starter provisions the game table and state machine on
 * start, so the auto-configured {@code AwsGameOrchestrator} runs against it. The stack stops with
 * the context. Needs clix-local and clix-local-junit5 on the test class path.
 *
 * <pre>{@code
 * @SpringBootTest
 * @ClixLocalStackTest
 * class GameBackendTest {
 *   @Autowired GameOrchestrator games;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(LocalStackBeans.class)
@TestPropertySource(properties = {
    "clix.mode=aws",
    "clix.aws.provision.on-start=true",
    "clix.aws.provision.role-arn=arn:aws:iam::123456789012:role/clix-local",
    "clix.aws.provision.table-wait-interval=20ms"
})
public @interface ClixLocalStackTest {
}
