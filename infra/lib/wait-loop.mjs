// Runs the wait loop's real ASL definition locally with aws-local-stepfunctions. Every Task
// is replaced by a local handler: the poll runs the function executable, the completion
// event and the cancel call are recorded (and the cancel is sent to local-glue). Needs
// Promise.withResolvers, so run Node 22 or load support/promise-with-resolvers.cjs.
import { readFile } from 'node:fs/promises';
import { StateMachine } from 'aws-local-stepfunctions';
import { aslPath } from './paths.mjs';

// State names in the ASL that the handlers and counters refer to.
export const POLL_STATE = 'Get task run status';
export const WAIT_STATE = 'Wait before next poll';
export const FIRST_WAIT_STATE = 'Wait before the first poll';
export const PUBLISH_STATE = 'Publish completion event';
export const CANCEL_STATE = 'Cancel task run';

/** Values that stand in for SAM's DefinitionSubstitutions when the ASL runs locally. */
export const LOCAL_SUBSTITUTIONS = Object.freeze({
  GlueTaskRunFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:local-GlueTaskRunFunction',
  EventBusName: 'default',
  FirstPollSpreadSeconds: '30',
});

export const LOCAL_EXECUTION_ARN_PREFIX =
  'arn:aws:states:us-east-1:123456789012:execution:local-WaitForTaskRunStateMachine:';

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/** Returns the names of the ${Name} placeholders in ASL text, each once, in order of appearance. */
export function findPlaceholders(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/**
 * Reads the ASL and replaces its placeholders as SAM would. Throws when a placeholder has
 * no value, since SAM would leave it in place silently.
 */
export async function loadDefinition(substitutions = LOCAL_SUBSTITUTIONS) {
  const text = await readFile(aslPath, 'utf8');
  const missing = findPlaceholders(text).filter((name) => !Object.hasOwn(substitutions, name));
  if (missing.length > 0) {
    throw new Error(`The ASL has placeholders without a substitution: ${missing.join(', ')}.`);
  }
  const substituted = text.replace(PLACEHOLDER, (_, name) => substitutions[name]);
  return JSON.parse(substituted);
}

/** Builds the state machine once; it validates the definition, which takes a moment. */
export async function createWaitLoop(substitutions = LOCAL_SUBSTITUTIONS) {
  return new StateMachine(await loadDefinition(substitutions));
}

/**
 * Runs one execution and collects what happened.
 * @param {StateMachine} stateMachine from createWaitLoop
 * @param {unknown} input the execution input
 * @param {object} handlers
 * @param {(payload: unknown, pollNumber: number) => Promise<unknown>} handlers.invokeFunction
 *   returns the status document or throws an Error named after the errorType
 * @param {(request: {TransformId: string, TaskRunId: string}) => Promise<unknown>} [handlers.cancelTaskRun]
 *   returns the CancelMLTaskRun response; the default throws, so an unexpected cancel shows
 * @param {(parameters: {Entries: object[]}) => Promise<void>} [handlers.publishEvents]
 *   called with each PutEvents request after it is recorded; throw to make the call fail
 * @param {(event: object) => void} [handlers.onEvent] called with each execution history event as it happens
 * @param {object} [options]
 * @param {number} [options.waitMs] real milliseconds that each Wait state lasts; default: the seconds it names
 * @param {number} [options.retryMs] real milliseconds before each retry; default: the computed backoff
 * @param {number} [options.maxPolls] stops the execution with an error after this many polls
 * @param {number} [options.timeoutMs] aborts the execution after this long
 * @param {string} [options.executionName] last part of the local execution ARN
 */
export async function runWaitLoop(stateMachine, input, handlers, options = {}) {
  const { invokeFunction, cancelTaskRun = rejectUnexpectedCancel, publishEvents, onEvent } = handlers;
  const { waitMs, retryMs, maxPolls = 200, timeoutMs = 120_000, executionName = 'local-execution' } = options;

  const functionCalls = [];
  const publishedEntries = [];
  const cancelRequests = [];

  const taskResourceLocalHandlers = {
    [POLL_STATE]: async (parameters) => {
      const call = { functionName: parameters.FunctionName, payload: parameters.Payload };
      functionCalls.push(call);
      if (functionCalls.length > maxPolls) {
        throw namedError('LocalPollLimitExceeded', `The execution polled more than ${maxPolls} times.`);
      }
      try {
        call.document = await invokeFunction(parameters.Payload, functionCalls.length);
      } catch (error) {
        call.error = { name: error.name, message: error.message };
        throw error;
      }
      // The lambda:invoke integration wraps the function's result in Payload, which the ASL selects.
      return { Payload: call.document, StatusCode: 200, ExecutedVersion: '$LATEST' };
    },
    [PUBLISH_STATE]: async (parameters) => {
      await publishEvents?.(parameters);
      for (const entry of parameters.Entries) {
        publishedEntries.push(entry);
      }
      return {
        Entries: parameters.Entries.map((_, index) => ({ EventId: `local-event-${publishedEntries.length + index}` })),
        FailedEntryCount: 0,
      };
    },
    [CANCEL_STATE]: async (parameters) => {
      cancelRequests.push(parameters);
      return cancelTaskRun(parameters);
    },
  };

  const overrides = { taskResourceLocalHandlers };
  if (waitMs !== undefined) {
    overrides.waitTimeOverrides = { [WAIT_STATE]: waitMs, [FIRST_WAIT_STATE]: waitMs };
  }
  if (retryMs !== undefined) {
    overrides.retryIntervalOverrides = { [POLL_STATE]: retryMs, [PUBLISH_STATE]: retryMs, [CANCEL_STATE]: retryMs };
  }

  const execution = stateMachine.run(input, {
    overrides,
    context: { Execution: { Id: LOCAL_EXECUTION_ARN_PREFIX + executionName, Name: executionName } },
  });

  const history = [];
  const historyDone = (async () => {
    for await (const event of execution.eventLogs) {
      history.push(event);
      onEvent?.(event);
    }
  })();

  const timer = setTimeout(() => execution.abort(), timeoutMs);
  let outcome;
  try {
    const output = await execution.result;
    outcome = { status: 'SUCCEEDED', output };
  } catch (error) {
    outcome = describeFailure(error);
  } finally {
    clearTimeout(timer);
  }
  await historyDone;

  return {
    ...outcome,
    history,
    pollCount: history.filter((event) => event.type === 'StateEntered' && event.state?.name === POLL_STATE).length,
    retries: history.filter((event) => event.type === 'StateRetried' && event.state?.name === POLL_STATE).length,
    functionCalls,
    publishedEntries,
    cancelRequests,
  };
}

function describeFailure(error) {
  switch (error.name) {
    case 'ExecutionError':
      // A Fail state: its Error and Cause, or an uncaught error's name and message.
      return { status: 'FAILED', error: { name: error.cause?.name, cause: error.cause?.message } };
    case 'ExecutionAbortedError':
      return { status: 'ABORTED', error: { name: error.name, cause: error.message } };
    case 'ExecutionTimeoutError':
      return { status: 'TIMED_OUT', error: { name: error.name, cause: error.message } };
    default:
      throw error;
  }
}

async function rejectUnexpectedCancel(parameters) {
  throw namedError('LocalCancelNotConfigured', `Unexpected CancelMLTaskRun call: ${JSON.stringify(parameters)}.`);
}

function namedError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}
