package io.clix.local.dynamodb.oracle;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The two DynamoDB endpoints the differential suite compares: the embedded one under test and
 * dynalite, the oracle. Each is a real {@code DynamoDbClient} over HTTP.
 */
record Endpoints(DynamoDbClient embedded, DynamoDbClient dynalite) {}
