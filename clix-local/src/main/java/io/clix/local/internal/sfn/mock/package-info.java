/**
 * The AWS Step Functions Local mock configuration file ({@code MockConfigFile.json}, the file
 * {@code SFN_MOCK_CONFIG} names): parsing and checking it ({@link
 * io.clix.local.internal.sfn.mock.MockConfig}) and answering each invocation of a mocked Task state
 * from it ({@link io.clix.local.internal.sfn.mock.MockedResponse}). Pure data over Jackson nodes: it
 * knows nothing of the engine, which looks the answers up where Task states call their resource.
 */
package io.clix.local.internal.sfn.mock;
