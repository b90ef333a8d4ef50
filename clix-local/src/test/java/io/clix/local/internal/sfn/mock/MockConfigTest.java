package io.clix.local.internal.sfn.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The mock configuration file as AWS documents it: parsing, invocation ranges, and one-line errors for bad shapes. */
class MockConfigTest {

  /** The example of the AWS documentation, verbatim in structure. */
  private static final String DOCUMENTED = q("{'StateMachines':{'LambdaSQSIntegration':{'TestCases':{"
      + "'HappyPath':{'LambdaState':'MockedLambdaSuccess','SQSState':'MockedSQSSuccess'},"
      + "'RetryPath':{'LambdaState':'MockedLambdaRetry','SQSState':'MockedSQSSuccess'},"
      + "'HybridPath':{'LambdaState':'MockedLambdaSuccess'}}}},"
      + "'MockedResponses':{"
      + "'MockedLambdaSuccess':{'0':{'Return':{'StatusCode':200,'Payload':{'StatusCode':200,'body':'Hello from Lambda!'}}}},"
      + "'LambdaMockedResourceNotReady':{'0':{'Throw':{'Error':'Lambda.ResourceNotReadyException','Cause':'Lambda resource is not ready.'}}},"
      + "'MockedSQSSuccess':{'0':{'Return':{'MD5OfMessageBody':'3bcb6e8e-7h85-4375-b0bc-1a59812c6e51','MessageId':'3bcb6e8e-8b51-4375-b0bc-1a59812c6e51'}}},"
      + "'MockedLambdaRetry':{'0':{'Throw':{'Error':'Lambda.ResourceNotReadyException','Cause':'Lambda resource is not ready.'}},"
      + "'1-2':{'Throw':{'Error':'Lambda.TimeoutException','Cause':'Lambda timed out.'}},"
      + "'3':{'Return':{'StatusCode':200,'Payload':{'StatusCode':200,'body':'Hello from Lambda!'}}}}}}");

  private static String q(String s) {
    return s.replace('\'', '"');
  }

  @Test
  void theDocumentedExampleAnswersEachInvocationOfTheRetryPath() throws Exception {
    MockConfig config = MockConfig.parse(DOCUMENTED);
    MockConfig.TestCase retry = config.testCase("LambdaSQSIntegration", "RetryPath").orElseThrow();
    assertThat(retry.mocks("LambdaState")).isTrue();
    assertThat(retry.mocks("Other")).isFalse();
    assertThat(retry.answer("LambdaState", 0)).isEqualTo(
        new MockAnswer.Thrown("Lambda.ResourceNotReadyException", "Lambda resource is not ready."));
    assertThat(retry.answer("LambdaState", 1)).isEqualTo(retry.answer("LambdaState", 2))
        .isEqualTo(new MockAnswer.Thrown("Lambda.TimeoutException", "Lambda timed out."));
    assertThat(retry.answer("LambdaState", 3)).isEqualTo(new MockAnswer.Returned(new ObjectMapper().readTree(
        q("{'StatusCode':200,'Payload':{'StatusCode':200,'body':'Hello from Lambda!'}}"))));
    assertThat(retry.answer("LambdaState", 4)).isInstanceOfSatisfying(MockAnswer.Missing.class,
        m -> assertThat(m.cause()).contains("'MockedLambdaRetry'", "invocation 4"));
    assertThat(config.testCase("LambdaSQSIntegration", "SadPath")).isEmpty();
    assertThat(config.testCase("Other", "HappyPath")).isEmpty();
  }

  @Test
  void aTestCaseNamingAnUndefinedResponseFailsOnlyWhenTheStateRuns() {
    MockConfig config = MockConfig.parse(q("{'StateMachines':{'M':{'TestCases':{'T':{'S':'Nowhere'}}}}}"));
    assertThat(config.testCase("M", "T").orElseThrow().answer("S", 0))
        .isInstanceOfSatisfying(MockAnswer.Missing.class, m -> assertThat(m.cause()).contains("'Nowhere'"));
    assertThat(MockConfig.parse(q("{'MockedResponses':{'Empty':{}}}")).testCase("M", "T")).isEmpty();
    assertThat(MockConfig.parse(q("{'StateMachines':{'M':{'TestCases':{'T':{}}}}}")).testCase("M", "T")).isPresent();
  }

  @Test
  void returnTakesAnyJsonValueAndThrowMayOmitItsCause() {
    MockConfig config = MockConfig.parse(q("{'StateMachines':{'M':{'TestCases':{'T':{'A':'R','B':'E'}}}},"
        + "'MockedResponses':{'R':{'0':{'Return':'text'},'1':{'Return':null}},'E':{'0':{'Throw':{'Error':'Boom'}}}}}"));
    MockConfig.TestCase test = config.testCase("M", "T").orElseThrow();
    assertThat(test.answer("A", 0)).isInstanceOfSatisfying(MockAnswer.Returned.class,
        r -> assertThat(r.value().asText()).isEqualTo("text"));
    assertThat(test.answer("A", 1)).isInstanceOfSatisfying(MockAnswer.Returned.class,
        r -> assertThat(r.value().isNull()).isTrue());
    assertThat(test.answer("B", 0)).isEqualTo(new MockAnswer.Thrown("Boom", null));
  }

  @Test
  void badShapesAreOneLineErrorsNamingTheField() {
    assertThatThrownBy(() -> MockConfig.parse("{"))
        .isInstanceOf(MockConfigException.class).hasMessageStartingWith("not JSON: ");
    assertThatThrownBy(() -> MockConfig.parse("[]"))
        .hasMessage("expected a JSON object with StateMachines and MockedResponses");
    assertThatThrownBy(() -> MockConfig.parse(q("{'MockedResponse':{}}")))
        .hasMessage("unknown field 'MockedResponse' (a mock configuration has StateMachines and MockedResponses)");
    assertThatThrownBy(() -> MockConfig.parse(q("{'StateMachines':{'M':{'TestCase':{}}}}")))
        .hasMessage("StateMachines.M: unknown field 'TestCase' (expected TestCases)");
    assertThatThrownBy(() -> MockConfig.parse(q("{'StateMachines':{'M':{'TestCases':{'T':{'S':1}}}}}")))
        .hasMessage("StateMachines.M.TestCases.T.S: expected the name of a mocked response (a string)");
    assertThatThrownBy(() -> MockConfig.parse(q("{'MockedResponses':{'R':{'first':{'Return':1}}}}")))
        .hasMessageStartingWith("MockedResponses.R.\"first\": bad invocation number");
    assertThatThrownBy(() -> MockConfig.parse(q("{'MockedResponses':{'R':{'3-1':{'Return':1}}}}")))
        .hasMessage("MockedResponses.R.\"3-1\": the range ends before it starts");
    assertThatThrownBy(() -> MockConfig.parse(q("{'MockedResponses':{'R':{'0-2':{'Return':1},'2':{'Return':2}}}}")))
        .hasMessage("MockedResponses.R.\"2\": invocation 2 is given twice");
    assertThatThrownBy(() -> MockConfig.parse(q("{'MockedResponses':{'R':{'3':{'Return':1},'0-5':{'Return':2}}}}")))
        .hasMessage("MockedResponses.R.\"0-5\": invocation 3 is given twice");
    assertThatThrownBy(() -> MockConfig.parse(q("{'MockedResponses':{'R':{'0':{'Return':1,'Throw':{'Error':'E'}}}}}")))
        .hasMessage("MockedResponses.R.\"0\": expected exactly one field, Return or Throw");
    assertThatThrownBy(() -> MockConfig.parse(q("{'MockedResponses':{'R':{'0':{'Throw':{'Cause':'c'}}}}}")))
        .hasMessage("MockedResponses.R.\"0\".Throw: missing Error");
    assertThatThrownBy(() -> MockConfig.parse(q("{'MockedResponses':{'R':{'0':{'Throw':{'Error':7}}}}}")))
        .hasMessage("MockedResponses.R.\"0\".Throw.Error: expected a string");
  }
}
