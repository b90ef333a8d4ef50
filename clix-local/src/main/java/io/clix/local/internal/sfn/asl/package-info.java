/**
 * The Amazon States Language (JSONPath query language) as pure functions over Jackson nodes, for
 * the local Step Functions engine: paths and the context object ({@link
 * io.clix.local.internal.sfn.asl.JsonPaths}), payload templates ({@link
 * io.clix.local.internal.sfn.asl.PayloadTemplate}), intrinsic functions ({@link
 * io.clix.local.internal.sfn.asl.Intrinsics}), InputPath/ResultPath/OutputPath ({@link
 * io.clix.local.internal.sfn.asl.ResultPaths}), Choice rules ({@link
 * io.clix.local.internal.sfn.asl.ChoiceRules}), Retry/Catch matching ({@link
 * io.clix.local.internal.sfn.asl.ErrorMatching}), timestamps and definition validation ({@link
 * io.clix.local.internal.sfn.asl.DefinitionValidator}). Failures are {@link
 * io.clix.local.internal.sfn.asl.StatesError}s carrying the error name and cause AWS gives, without
 * the "An error occurred while executing the state ..." prefix, which the engine adds.
 */
package io.clix.local.internal.sfn.asl;
