package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionValidatorTest {

  /** A machine with the one state {@code S}, given as JSON with single quotes. */
  private static JsonNode single(String state) {
    return json("{'StartAt':'S','States':{'S':" + state + "}}");
  }

  private static List<String> described(JsonNode definition) {
    return DefinitionValidator.validate(definition).stream().map(Diagnostic::describe).toList();
  }

  @Test
  void acceptsAMachineUsingEveryStateType() {
    JsonNode definition = json("""
        {'Comment':'all types','StartAt':'Prepare','TimeoutSeconds':300,'States':{
          'Prepare':{'Type':'Pass','Result':{'x.$':'kept as is'},'ResultPath':'$.prep','Parameters':{'a.$':'$.a',
            'f.$':'States.Format(`{}`, $$.Execution.Name)','n':{'deep.$':'$$.State.Name'}},'Next':'Work'},
          'Work':{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:JoinGame',
            'TimeoutSeconds':20,'HeartbeatSeconds':5,'ResultSelector':{'r.$':'$'},'ResultPath':null,'OutputPath':null,
            'Retry':[{'ErrorEquals':['Custom','States.Timeout'],'IntervalSeconds':2,'MaxAttempts':0,'BackoffRate':1.5,
              'MaxDelaySeconds':10,'JitterStrategy':'FULL'},{'ErrorEquals':['States.ALL']}],
            'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Failed'}],'Next':'Route'},
          'Route':{'Type':'Choice','Choices':[
              {'And':[{'Variable':'$.n','NumericGreaterThanPath':'$.m'},{'Not':{'Variable':'$.s','IsNull':true}}],
               'Next':'Hold'},
              {'Variable':'$.t','TimestampLessThan':'2030-01-01T00:00:00Z','Next':'Fan'}],'Default':'Done'},
          'Hold':{'Type':'Wait','SecondsPath':'$.wait','Next':'Fan'},
          'Fan':{'Type':'Parallel','Branches':[{'StartAt':'B1','States':{'B1':{'Type':'Succeed'}}}],'Next':'Each'},
          'Each':{'Type':'Map','ItemsPath':'$.items','MaxConcurrency':2,'ItemSelector':{'i.$':'$$.Map.Item.Value'},
            'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},
            'Next':'Done'},
          'Done':{'Type':'Succeed'},
          'Failed':{'Type':'Fail','ErrorPath':'$.error.Error','CausePath':'States.Format(`cause: {}`, $.error.Cause)'}
        }}""".replace('\n', ' '));
    assertThat(described(definition)).isEmpty();
    assertThatCode(() -> DefinitionValidator.check(definition)).doesNotThrowAnyException();
  }

  @Test
  void acceptsTheLegacyMapIterator() {
    assertThat(described(single("{'Type':'Map','Iterator':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}")))
        .isEmpty();
    assertThat(described(single("{'Type':'Succeed','QueryLanguage':'JSONPath'}"))).isEmpty();
  }

  @Test
  void unknownNextIsAMissingTransitionTargetInAwsWording() {
    JsonNode definition = json("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Nope'},'B':{'Type':'Succeed'}}}");
    assertThatThrownBy(() -> DefinitionValidator.check(definition))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Nope at "
            + "/States/A/Next, MISSING_TRANSITION_TARGET: State \"B\" is not reachable. at /States/B'");
  }

  @Test
  void diagnosticsCarrySeverityCodeMessageAndLocation() {
    List<Diagnostic> diagnostics = DefinitionValidator.validate(json("{'StartAt':'Gone','States':{'A':{'Type':'Succeed'}}}"));
    assertThat(diagnostics).contains(new Diagnostic("ERROR", "MISSING_TRANSITION_TARGET", "Missing 'Next' target: Gone",
        "/StartAt"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'States':{'S':{'Type':'Succeed'}}}|SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at /",
        "{}|SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt, States] at /",
        "{'StartAt':'S','States':{'S':{'Type':'Succeed'}},'Extra':1}|SCHEMA_VALIDATION_FAILED: Field 'Extra' is not supported at /",
        "{'StartAt':'S','States':{}}|SCHEMA_VALIDATION_FAILED: The value for the field 'States' must be a non-empty OBJECT at /States",
        "{'StartAt':'S','States':{'S':{'Type':'Pass','Next':'S'}}}|MISSING_END_STATE: Workflow has no terminal state at /",
      })
  void machineLevelProblems(String definition, String expected) {
    assertThat(described(json(definition))).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'End':true}|SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at /States/S",
        "{'Type':'Sleep','End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'Type' must be one of [Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map] at /States/S/Type",
        "{'Type':'Pass'}|SCHEMA_VALIDATION_FAILED: These fields are required: [Next or End] at /States/S",
        "{'Type':'Pass','End':false}|SCHEMA_VALIDATION_FAILED: These fields are required: [Next or End] at /States/S",
        "{'Type':'Pass','End':true,'Colour':'red'}|SCHEMA_VALIDATION_FAILED: Field 'Colour' is not supported at /States/S",
        "{'Type':'Succeed','Next':'S'}|SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at /States/S",
        "{'Type':'Pass','End':true,'QueryLanguage':'XPath'}|SCHEMA_VALIDATION_FAILED: The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata] at /States/S/QueryLanguage",
        "{'Type':'Fail','Result':1}|SCHEMA_VALIDATION_FAILED: Field 'Result' is not supported at /States/S",
        "{'Type':'Task','End':true}|SCHEMA_VALIDATION_FAILED: These fields are required: [Resource] at /States/S",
        "{'Type':'Task','Resource':'JoinGame','End':true}|INVALID_RESOURCE: Resource must be a valid ARN: JoinGame at /States/S/Resource",
        "{'Type':'Task','Resource':'arn:aws:states:::x','TimeoutSeconds':0,'End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'TimeoutSeconds' must be a positive integer at /States/S/TimeoutSeconds",
        "{'Type':'Task','Resource':'arn:aws:states:::x','TimeoutSeconds':5,'HeartbeatSeconds':5,'End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'HeartbeatSeconds' must be smaller than the value for the field 'TimeoutSeconds' at /States/S/HeartbeatSeconds",
        "{'Type':'Task','Resource':'arn:aws:states:::x','TimeoutSeconds':5,'TimeoutSecondsPath':'$.t','End':true}|SCHEMA_VALIDATION_FAILED: Only one of the fields [TimeoutSeconds, TimeoutSecondsPath] can be set at /States/S",
        "{'Type':'Choice','Default':'S'}|SCHEMA_VALIDATION_FAILED: These fields are required: [Choices] at /States/S",
        "{'Type':'Wait','End':true}|SCHEMA_VALIDATION_FAILED: Exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] is required at /States/S",
        "{'Type':'Wait','Seconds':1,'SecondsPath':'$.s','End':true}|SCHEMA_VALIDATION_FAILED: Exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] is required at /States/S",
        "{'Type':'Wait','Seconds':-1,'End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'Seconds' must be a non-negative integer at /States/S/Seconds",
        "{'Type':'Wait','Timestamp':'2021-02-30T10:00:00Z','End':true}|SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/S/Timestamp",
        "{'Type':'Parallel','End':true}|SCHEMA_VALIDATION_FAILED: These fields are required: [Branches] at /States/S",
        "{'Type':'Parallel','Branches':[],'End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'Branches' must be a non-empty ARRAY at /States/S/Branches",
        "{'Type':'Map','End':true}|SCHEMA_VALIDATION_FAILED: These fields are required: [ItemProcessor] at /States/S",
        "{'Type':'Pass','InputPath':'a.b','End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'InputPath' must be a valid JSONPath at /States/S/InputPath",
        "{'Type':'Pass','OutputPath':'$.a[','End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'OutputPath' must be a valid JSONPath at /States/S/OutputPath",
        "{'Type':'Pass','ResultPath':'$.a[*]','End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'ResultPath' must be a valid ReferencePath at /States/S/ResultPath",
        "{'Type':'Pass','ResultPath':'$$.Execution','End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'ResultPath' must be a valid ReferencePath at /States/S/ResultPath",
        "{'Type':'Pass','Parameters':{'v.$':'value'},'End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call at /States/S/Parameters",
        "{'Type':'Pass','Parameters':{'in':{'v.$':'States.Nope()'}},'End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call at /States/S/Parameters/in",
        "{'Type':'Pass','Parameters':{'v.$':5},'End':true}|SCHEMA_VALIDATION_FAILED: The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call at /States/S/Parameters",
        "{'Type':'Fail','Error':'E','ErrorPath':'$.e'}|SCHEMA_VALIDATION_FAILED: Only one of the fields [Error, ErrorPath] can be set at /States/S",
        "{'Type':'Fail','CausePath':'cause'}|SCHEMA_VALIDATION_FAILED: The value for the field 'CausePath' must be a valid JSONPath or a valid intrinsic function call at /States/S/CausePath",
      })
  void stateSchemaProblems(String state, String expected) {
    assertThat(described(single(state))).containsExactly(expected);
  }

  @Test
  void intrinsicWithAnIllegalEscapeIsRejected() {
    ObjectNode parameters = json("{}").deepCopy();
    parameters.put("v.$", "States.StringToJson('{\"a\":\"say \\\"hi\\\"\"}')");
    ObjectNode definition = single("{'Type':'Pass','End':true}").deepCopy();
    ((ObjectNode) definition.at("/States/S")).set("Parameters", parameters);
    assertThat(described(definition)).containsExactly("SCHEMA_VALIDATION_FAILED: The value for the field 'v.$' must be"
        + " a valid JSONPath or a valid intrinsic function call at /States/S/Parameters");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'Choices':[{'Variable':'$.a','StringEquals':'x'}],'Default':'E'}|SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at /States/S/Choices/0",
        "{'Choices':[{'StringEquals':'x','Next':'E'}]}|SCHEMA_VALIDATION_FAILED: These fields are required: [Variable] at /States/S/Choices/0",
        "{'Choices':[{'Variable':'$.a','Next':'E'}]}|SCHEMA_VALIDATION_FAILED: A choice rule must have exactly one comparison operator at /States/S/Choices/0",
        "{'Choices':[{'Variable':'$.a','StringEquals':'x','IsNull':true,'Next':'E'}]}|SCHEMA_VALIDATION_FAILED: A choice rule must have exactly one comparison operator at /States/S/Choices/0",
        "{'Choices':[{'Variable':'$.a','NumericEquals':'1','Next':'E'}]}|SCHEMA_VALIDATION_FAILED: The value for the field 'NumericEquals' has an invalid type or format at /States/S/Choices/0/NumericEquals",
        "{'Choices':[{'Variable':'$.a','TimestampEquals':'yesterday','Next':'E'}]}|SCHEMA_VALIDATION_FAILED: The value for the field 'TimestampEquals' has an invalid type or format at /States/S/Choices/0/TimestampEquals",
        "{'Choices':[{'Variable':'$.a','StringEqualsPath':'b','Next':'E'}]}|SCHEMA_VALIDATION_FAILED: The value for the field 'StringEqualsPath' has an invalid type or format at /States/S/Choices/0/StringEqualsPath",
        "{'Choices':[{'Variable':'a','IsNull':true,'Next':'E'}]}|SCHEMA_VALIDATION_FAILED: The value for the field 'Variable' must be a valid JSONPath at /States/S/Choices/0/Variable",
        "{'Choices':[{'Not':{'Variable':'$.a','IsNull':true,'Next':'E'},'Next':'E'}]}|SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at /States/S/Choices/0/Not",
        "{'Choices':[{'And':[],'Next':'E'}]}|SCHEMA_VALIDATION_FAILED: The value for the field 'And' must be a non-empty ARRAY at /States/S/Choices/0/And",
        "{'Choices':[{'Variable':'$.a','IsNull':true,'Next':'E'}],'Default':'Gone'}|MISSING_TRANSITION_TARGET: Missing 'Default' target: Gone at /States/S/Default",
        "{'Choices':[{'Variable':'$.a','IsNull':true,'Next':'Gone'}],'Default':'E'}|MISSING_TRANSITION_TARGET: Missing 'Next' target: Gone at /States/S/Choices/0/Next",
      })
  void choiceProblems(String choice, String expected) {
    ObjectNode definition = json("{'StartAt':'S','States':{'E':{'Type':'Succeed'}}}").deepCopy();
    ObjectNode state = json(choice).deepCopy();
    state.put("Type", "Choice");
    ((ObjectNode) definition.get("States")).set("S", state);
    assertThat(described(definition)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "'Retry':[{'ErrorEquals':[]}]|SCHEMA_VALIDATION_FAILED: The value for the field 'ErrorEquals' must be a non-empty ARRAY at /States/S/Retry/0/ErrorEquals",
        "'Retry':[{'MaxAttempts':1}]|SCHEMA_VALIDATION_FAILED: These fields are required: [ErrorEquals] at /States/S/Retry/0",
        "'Retry':[{'ErrorEquals':['States.ALL','X']}]|SCHEMA_VALIDATION_FAILED: States.ALL must appear alone in ErrorEquals at /States/S/Retry/0/ErrorEquals",
        "'Retry':[{'ErrorEquals':['States.ALL']},{'ErrorEquals':['X']}]|SCHEMA_VALIDATION_FAILED: States.ALL must appear in the last retrier at /States/S/Retry/0/ErrorEquals",
        "'Retry':[{'ErrorEquals':['X'],'BackoffRate':0.5}]|SCHEMA_VALIDATION_FAILED: The value for the field 'BackoffRate' must be a number greater than or equal to 1.0 at /States/S/Retry/0/BackoffRate",
        "'Retry':[{'ErrorEquals':['X'],'JitterStrategy':'SOME'}]|SCHEMA_VALIDATION_FAILED: The value for the field 'JitterStrategy' must be one of [FULL, NONE] at /States/S/Retry/0/JitterStrategy",
        "'Retry':[{'ErrorEquals':['X'],'IntervalSeconds':0}]|SCHEMA_VALIDATION_FAILED: The value for the field 'IntervalSeconds' must be a positive integer at /States/S/Retry/0/IntervalSeconds",
        "'Retry':[{'ErrorEquals':['X'],'Next':'E'}]|SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at /States/S/Retry/0",
        "'Catch':[{'ErrorEquals':['X']}]|SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at /States/S/Catch/0",
        "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'E'},{'ErrorEquals':['X'],'Next':'E'}]|SCHEMA_VALIDATION_FAILED: States.ALL must appear in the last catcher at /States/S/Catch/0/ErrorEquals",
        "'Catch':[{'ErrorEquals':['X'],'Next':'Gone'}]|MISSING_TRANSITION_TARGET: Missing 'Next' target: Gone at /States/S/Catch/0/Next",
        "'Catch':[{'ErrorEquals':['X'],'Next':'E','ResultPath':'oops'}]|SCHEMA_VALIDATION_FAILED: The value for the field 'ResultPath' must be a valid ReferencePath at /States/S/Catch/0/ResultPath",
      })
  void retryAndCatchProblems(String handlers, String expected) {
    JsonNode definition = json("{'StartAt':'S','States':{'E':{'Type':'Succeed'},'S':{'Type':'Task',"
        + "'Resource':'arn:aws:states:us-east-1:123456789012:activity:A','Next':'E'," + handlers + "}}}");
    assertThat(described(definition)).containsExactly(expected);
  }

  @Test
  void referencePathFieldsMayReadTheContextObjectButResultPathMayNot() {
    assertThat(described(single("{'Type':'Wait','SecondsPath':'$$.Execution.Input.wait','End':true}"))).isEmpty();
    assertThat(described(single("{'Type':'Map','ItemsPath':'$$.Execution.Input.items','End':true,"
        + "'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}}}"))).isEmpty();
    assertThat(described(single("{'Type':'Wait','SecondsPath':'$.waits[*]','End':true}"))).containsExactly(
        "SCHEMA_VALIDATION_FAILED: The value for the field 'SecondsPath' must be a valid ReferencePath at "
            + "/States/S/SecondsPath");
  }

  @Test
  void catchTargetsMakeStatesReachable() {
    JsonNode definition = json("{'StartAt':'S','States':{'S':{'Type':'Task','Resource':'arn:aws:lambda:x',"
        + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Handle'}],'End':true},'Handle':{'Type':'Succeed'}}}");
    assertThat(described(definition)).isEmpty();
  }

  @Test
  void branchesAndProcessorsAreValidatedInTheirOwnScope() {
    JsonNode definition = json("""
        {'StartAt':'P','States':{
          'P':{'Type':'Parallel','Next':'M','Branches':[
             {'StartAt':'B','States':{'B':{'Type':'Pass','Next':'M'}}},
             {'StartAt':'C','States':{'C':{'Type':'Wait','End':true}}}]},
          'M':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true},
             'Orphan':{'Type':'Succeed'}}}}}}""".replace('\n', ' '));
    List<String> schema = described(definition);
    assertThat(schema).containsExactly("SCHEMA_VALIDATION_FAILED: Exactly one of the fields [Seconds, Timestamp, "
        + "SecondsPath, TimestampPath] is required at /States/P/Branches/1/States/C");
    ((ObjectNode) definition.at("/States/P/Branches/1/States/C")).put("Seconds", 1);
    assertThat(described(definition)).containsExactly(
        "MISSING_TRANSITION_TARGET: Missing 'Next' target: M at /States/P/Branches/0/States/B/Next",
        "MISSING_END_STATE: Workflow has no terminal state at /States/P/Branches/0",
        "MISSING_TRANSITION_TARGET: State \"Orphan\" is not reachable. at /States/M/ItemProcessor/States/Orphan");
  }

  @Test
  void stateNamesMustBeUniqueAcrossNestedMachines() {
    JsonNode definition = json("{'StartAt':'M','States':{'M':{'Type':'Map','Next':'Done','ItemProcessor':"
        + "{'StartAt':'Done','States':{'Done':{'Type':'Succeed'}}}},'Done':{'Type':'Succeed'}}}");
    assertThat(described(definition)).containsExactly(
        "DUPLICATE_STATE_NAME: Duplicate State name: Done at /States/M/ItemProcessor/States/Done");
  }

  @Test
  void nestedMachinesRejectForeignFields() {
    assertThat(described(single("{'Type':'Parallel','End':true,'Branches':[{'StartAt':'B','TimeoutSeconds':3,"
        + "'States':{'B':{'Type':'Succeed'}}}]}")))
        .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'TimeoutSeconds' is not supported at /States/S/Branches/0");
  }

  @Test
  void textThatIsNotJsonOrIsEmpty() {
    assertThat(DefinitionValidator.validate("{\"StartAt\": ")).singleElement()
        .extracting(Diagnostic::code).isEqualTo("INVALID_JSON_DESCRIPTION");
    assertThat(DefinitionValidator.validate("  ")).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
      assertThat(d.message()).isEqualTo("Definition must be a valid JSON object");
    });
    assertThatThrownBy(() -> DefinitionValidator.check("[1]")).isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Definition must be a valid JSON"
            + " object'");
  }

  @Test
  void aDefinitionNestedThousandsDeepIsInvalidJsonInTheServicesWords() {
    String rule = "{\"Not\":".repeat(2000) + "{\"Variable\":\"$.x\",\"IsPresent\":true}" + "}".repeat(2000);
    String definition = "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[" + rule
        + "],\"Default\":\"E\"},\"E\":{\"Type\":\"Succeed\"}}}";

    assertThat(DefinitionValidator.validate(definition)).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("INVALID_JSON_DESCRIPTION");
      assertThat(d.message()).contains("nesting depth").doesNotContain("StreamReadConstraints");
    });
  }
}
