package io.clix.local.dynamodb.oracle;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * StreamSpecification on CreateTable and UpdateTable as DescribeTable shows it (dynalite keeps the
 * specification but serves no Streams API; the Streams operations are covered by the SDK-driven
 * DynamoDbStreamsTest).
 */
@ExtendWith(DifferentialExtension.class)
class StreamOracleTest {

  static Stream<OracleCase> cases() {
    return Stream.of(
        OracleCase.of("create a table with a stream of each view type",
            TableOracleTest.hashTable("S1").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)),
            TableOracleTest.hashTable("S2").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY)),
            DescribeTableRequest.builder().tableName("S1"), DescribeTableRequest.builder().tableName("S2")),
        OracleCase.of("create a table with the stream disabled",
            TableOracleTest.hashTable("S3").streamSpecification(s -> s.streamEnabled(false)),
            DescribeTableRequest.builder().tableName("S3")),
        OracleCase.of("enable a stream on an existing table",
            TableOracleTest.hashTable("S4"),
            UpdateTableRequest.builder().tableName("S4").streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_IMAGE)),
            DescribeTableRequest.builder().tableName("S4")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesDynalite(OracleCase c, Differential differential) {
    differential.check(c);
  }
}
