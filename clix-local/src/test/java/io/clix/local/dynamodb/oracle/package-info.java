/**
 * The DynamoDB oracle: a differential suite that sends the same requests, through the real
 * {@code DynamoDbClient} over HTTP, to the embedded endpoint ({@code LocalStack}) and to dynalite
 * (npm, pinned in {@code clix-testkit/src/test/node}), and compares the normalized answers.
 *
 * <p>Install dynalite with {@code .ci/install-oracle.sh} (needs Node 20+), then run
 * {@code mvn -pl clix-testkit -am test -Dtest='io.clix.local.dynamodb.oracle.*Test'
 * -Dsurefire.failIfNoSpecifiedTests=false}. Without node or dynalite the differential classes are
 * skipped with a console warning; {@link io.clix.local.dynamodb.oracle.DocumentedBehaviourTest}
 * still runs. System properties: {@code oracle.seeds} (comma-separated seeds of the random
 * sequences), {@code oracle.print=true} (every request and both answers to the test output), and
 * {@code oracle.selfCheck=true} (a second dynalite in place of the embedded endpoint, to check the
 * harness and the normalizer themselves).
 */
package io.clix.local.dynamodb.oracle;
