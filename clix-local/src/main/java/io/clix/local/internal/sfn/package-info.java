/**
 * The local stack's Step Functions: the AWS JSON 1.0 API ({@code AWSStepFunctions.*}) and an
 * Amazon States Language interpreter that runs on the stack's clock.
 *
 * <p>How it is put together, and why it is fast:
 * <ul>
 *   <li>{@link io.clix.local.internal.sfn.StepFunctionsService} routes operations to
 *       {@code StateMachineOperations}, {@code ExecutionOperations} and {@code ActivityOperations}.
 *   <li>An execution is a tree of {@code Frame}s (top level, Parallel branches, Map iterations).
 *       The {@code Interpreter} moves a frame from state to state while holding the execution's
 *       monitor, writing {@code ExecutionHistory} events with AWS's names, ids and previousEventId
 *       links. A state that waits registers a timer in the one {@code ClockScheduler}, a
 *       {@code TaskTicket} (activity task or callback token) or child frames, and returns: no
 *       thread ever waits for an execution, so thousands of waiting executions cost a heap
 *       entry each.
 *   <li>State handlers ({@code TaskStates}, {@code BranchStates}, {@code ExecutionLifecycle})
 *       see the interpreter only through the narrow {@code StateRuntime} interface it
 *       implements, so dependencies point one way: interpreter to handlers to runtime.
 *   <li>Whatever ends a wait (a timer, SendTaskSuccess, a handler's answer) submits a job to the
 *       small {@code WorkPool}, which counts jobs in flight; {@code awaitIdle()} (and so
 *       {@code LocalStack.advance}) returns once every job, and every job those started, is done.
 *   <li>The pure ASL pieces (paths, payload templates, intrinsic functions, Choice rules, error
 *       matching, validation) live in {@code asl}.
 * </ul>
 */
package io.clix.local.internal.sfn;
