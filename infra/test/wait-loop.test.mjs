// Runs the real ASL with aws-local-stepfunctions. The poll Task runs the published
// function executable against local-glue, so each case checks the ASL, the function and
// the endpoint together: outcome, error name, number of polls and the completion event.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancelMLTaskRunCommand, GetMLTaskRunCommand, GlueClient } from '@aws-sdk/client-glue';
import { invokeBootstrap, requireBootstrap } from '../lib/bootstrap.mjs';
import { LOCAL_GLUE_CREDENTIALS, LOCAL_GLUE_REGION, startLocalGlue } from '../lib/local-glue.mjs';
import { eventsDir } from '../lib/paths.mjs';
import {
  createWaitLoop,
  LOCAL_EXECUTION_ARN_PREFIX,
  FIRST_WAIT_STATE,
  LOCAL_SUBSTITUTIONS,
  runWaitLoop,
  WAIT_STATE,
} from '../lib/wait-loop.mjs';
import { STATUS_DOCUMENT_FIELDS } from './support/contract.mjs';
import { taskRunId, transformId, writeRunsFile } from './support/simulated-runs.mjs';

// 120 simulated seconds per real second: a run of 60 s ends after 0.5 s, and the long run
// of 36000 s outlasts the suite.
const TIME_SCALE = 120;
const WAIT_MS = 100;
const RETRY_MS = 1;

const TRANSFORM = transformId(0x71);
// The lookup without a run id lists every run of its transform, which starts their
// clocks in local-glue, so it gets a transform of its own.
const LOOKUP_TRANSFORM = transformId(0x72);

function run(number, properties) {
  return { TransformId: TRANSFORM, TaskRunId: taskRunId(number), TaskType: 'EVALUATION', DurationSeconds: 60, ...properties };
}

const RUNS = {
  succeeded: run(0x7101, { Outcome: 'SUCCEEDED' }),
  watched: run(0x7102, { TaskType: 'LABELING_SET_GENERATION', OutputS3Path: 's3://example-bucket/labeling-set/', Outcome: 'SUCCEEDED' }),
  importLabels: run(0x7103, { TaskType: 'IMPORT_LABELS', InputS3Path: 's3://example-bucket/labels.csv', Replace: true, Outcome: 'SUCCEEDED' }),
  failed: run(0x7104, { Outcome: 'FAILED', ErrorString: 'Evaluation failed: the transform has no labels.' }),
  timedOut: run(0x7105, { Outcome: 'TIMEOUT', ErrorString: 'Task run timed out after 60 seconds.' }),
  stopped: run(0x7106, { Outcome: 'STOPPED' }),
  throttled: run(0x7107, { Outcome: 'SUCCEEDED', ThrottleFirst: 2 }),
  unavailable: run(0x7108, { Outcome: 'SUCCEEDED', FailFirst: 1 }),
  alwaysThrottled: run(0x7109, { Outcome: 'SUCCEEDED', ThrottleFirst: 1000 }),
  lambdaFault: run(0x710a, { Outcome: 'SUCCEEDED' }),
  accessLost: run(0x710b, { DurationSeconds: 36000, Outcome: 'SUCCEEDED' }),
  unknownStatus: run(0x710c, { Outcome: 'SUCCEEDED' }),
  boundNoCancel: run(0x710d, { DurationSeconds: 36000, Outcome: 'SUCCEEDED' }),
  boundCancel: run(0x710e, { DurationSeconds: 36000, Outcome: 'SUCCEEDED' }),
  boundCancelFails: run(0x710f, { DurationSeconds: 36000, Outcome: 'SUCCEEDED' }),
  publishFails: run(0x7110, { Outcome: 'SUCCEEDED' }),
  fedBack: run(0x7111, { Outcome: 'SUCCEEDED' }),
  lookup: { ...run(0x7201, { Outcome: 'SUCCEEDED' }), TransformId: LOOKUP_TRANSFORM },
};

let glue;
let runsFile;
let executable;
let stateMachine;
let glueClient;
// A missing executable is reported by every test, so that each counts as failed.
let setupError;

function functionEnvironment(overrides = {}) {
  return {
    AWS_REGION: LOCAL_GLUE_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_GLUE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_GLUE_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_GLUE: glue.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    // One attempt per invocation, so Glue's throttling and faults reach the state machine's Retry.
    AWS_MAX_ATTEMPTS: '1',
    POLL_MIN_SECONDS: '1',
    POLL_MAX_SECONDS: '5',
    ...overrides,
  };
}

function invokeFunction(payload) {
  return invokeBootstrap(executable, payload, functionEnvironment());
}

// Forwards the cancel to local-glue as the aws-sdk:glue:cancelMLTaskRun integration would,
// and returns the response members without the SDK's $metadata.
async function cancelTaskRun(request) {
  const { $metadata, ...response } = await glueClient.send(new CancelMLTaskRunCommand(request));
  return response;
}

function execute(input, handlers = {}, options = {}) {
  if (setupError) {
    throw setupError;
  }
  return runWaitLoop(
    stateMachine,
    input,
    { invokeFunction, cancelTaskRun, ...handlers },
    { waitMs: WAIT_MS, retryMs: RETRY_MS, executionName: options.executionName ?? 'test', ...options },
  );
}

function ids(simulatedRun) {
  return { TransformId: simulatedRun.TransformId, TaskRunId: simulatedRun.TaskRunId };
}

function readSample(file) {
  return JSON.parse(readFileSync(path.join(eventsDir, file), 'utf8'));
}

// Checks the one completion event and returns its Detail.
function assertOneCompletionEvent(execution, executionName = 'test') {
  assert.equal(execution.publishedEntries.length, 1, 'expected exactly one completion event');
  const [entry] = execution.publishedEntries;
  assert.equal(entry.EventBusName, LOCAL_SUBSTITUTIONS.EventBusName);
  assert.equal(entry.Source, 'glue-task-run-waiter');
  assert.equal(entry.DetailType, 'Glue ML Task Run Wait Completed');
  assert.deepEqual(entry.Resources, [LOCAL_EXECUTION_ARN_PREFIX + executionName]);
  return entry.Detail;
}

function lastDocument(execution) {
  return execution.functionCalls.findLast((call) => call.document)?.document;
}

before(async () => {
  try {
    executable = await requireBootstrap();
  } catch (error) {
    setupError = error;
    return;
  }
  runsFile = await writeRunsFile(Object.values(RUNS));
  glue = await startLocalGlue({ timeScale: TIME_SCALE, runsFile: runsFile.file });
  glueClient = new GlueClient({
    region: LOCAL_GLUE_REGION,
    endpoint: glue.url,
    credentials: { ...LOCAL_GLUE_CREDENTIALS },
    maxAttempts: 1,
  });
  stateMachine = await createWaitLoop();
});

after(async () => {
  await glue?.stop();
  await runsFile?.remove();
});

describe('wait loop, terminal statuses', () => {
  test('succeeds after several polls', async () => {
    const execution = await execute(ids(RUNS.succeeded));

    assert.equal(execution.status, 'SUCCEEDED', JSON.stringify(execution.error));
    assert.equal(execution.output.Status, 'SUCCEEDED');
    assert.deepEqual(Object.keys(execution.output), [...STATUS_DOCUMENT_FIELDS]);
    assert.ok(execution.pollCount >= 2, `polled ${execution.pollCount} times`);
    assert.equal(execution.output.PollCount, execution.pollCount);
    assert.equal(execution.retries, 0);
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'SUCCEEDED');
    assert.deepEqual(detail.Status, execution.output);
    assert.equal(Object.hasOwn(detail, 'ErrorType'), false);
    assert.equal(Object.hasOwn(detail, 'Cause'), false);
    for (const call of execution.functionCalls) {
      assert.equal(call.functionName, LOCAL_SUBSTITUTIONS.GlueTaskRunFunctionArn);
    }
  });

  test('the first poll waits a random delay of at most FirstPollSpreadSeconds', async () => {
    const delays = [];
    for (let index = 0; index < 4; index++) {
      const execution = await execute(ids(RUNS.succeeded), { executionName: `spread-${index}` });
      const firstWait = execution.history.find(
        (event) => event.type === 'StateEntered' && event.state?.name === FIRST_WAIT_STATE);
      assert.ok(firstWait, 'the first-poll wait was not entered');
      delays.push(firstWait.state.input.FirstPollDelay.Seconds);
    }

    const spread = Number(LOCAL_SUBSTITUTIONS.FirstPollSpreadSeconds);
    for (const delay of delays) {
      // States.MathRandom's upper bound is inclusive in the local interpreter.
      assert.ok(Number.isInteger(delay) && delay >= 0 && delay <= spread, `drew ${delay}`);
    }
  });

  test('each poll feeds the last document back', async () => {
    const execution = await execute(ids(RUNS.fedBack));

    const [first, ...later] = execution.functionCalls;
    const { FirstPollDelay, ...firstInput } = first.payload;
    assert.deepEqual(firstInput, ids(RUNS.fedBack));
    assert.deepEqual(Object.keys(FirstPollDelay), ['Seconds']);
    assert.ok(later.length >= 1, `polled ${execution.pollCount} times`);
    later.forEach((call, index) => {
      assert.deepEqual(call.payload, execution.functionCalls[index].document, `payload of poll ${index + 2}`);
    });
  });

  test('fails with the ErrorString as Cause', async () => {
    const execution = await execute(ids(RUNS.failed));

    assert.equal(execution.status, 'FAILED');
    assert.equal(execution.error.name, 'GlueTaskRunFailed');
    assert.equal(execution.error.cause, RUNS.failed.ErrorString);
    assert.ok(execution.pollCount >= 2, `polled ${execution.pollCount} times`);
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'FAILED');
    assert.equal(detail.ErrorType, 'GlueTaskRunFailed');
    assert.equal(detail.Cause, RUNS.failed.ErrorString);
    assert.equal(detail.Status.Status, 'FAILED');
    assert.equal(detail.Status.ErrorString, RUNS.failed.ErrorString);
    assert.equal(detail.Status.PollCount, execution.pollCount);
  });

  test('times out with the ErrorString as Cause', async () => {
    const execution = await execute(ids(RUNS.timedOut));

    assert.equal(execution.error.name, 'GlueTaskRunTimedOut');
    assert.equal(execution.error.cause, RUNS.timedOut.ErrorString);
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'TIMEOUT');
    assert.equal(detail.ErrorType, 'GlueTaskRunTimedOut');
    assert.equal(detail.Cause, RUNS.timedOut.ErrorString);
    assert.equal(detail.Status.Status, 'TIMEOUT');
  });

  test('stopped without ErrorString gets a Cause', async () => {
    const execution = await execute(ids(RUNS.stopped));

    assert.equal(execution.error.name, 'GlueTaskRunStopped');
    assert.match(execution.error.cause, new RegExp(`${RUNS.stopped.TaskRunId} .* ended with status STOPPED and no ErrorString`));
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'STOPPED');
    assert.equal(detail.ErrorType, 'GlueTaskRunStopped');
    assert.equal(detail.Cause, null);
    assert.equal(detail.Status.Status, 'STOPPED');
    assert.equal(detail.Status.ErrorString, null);
  });

  test('an unknown status polls again', async () => {
    // Glue may add statuses; the Choice must treat one it does not know as not finished.
    const invokeWithNewStatus = async (payload, pollNumber) => {
      const document = await invokeFunction(payload);
      return pollNumber === 1 ? { ...document, Status: 'QUEUED', IsTerminal: false } : document;
    };

    const execution = await execute(ids(RUNS.unknownStatus), { invokeFunction: invokeWithNewStatus });

    assert.equal(execution.status, 'SUCCEEDED', JSON.stringify(execution.error));
    assert.ok(execution.pollCount >= 2, `polled ${execution.pollCount} times`);
    const firstWait = execution.history.find((event) => event.type === 'StateEntered' && event.state.name === WAIT_STATE);
    assert.equal(firstWait?.state.input.Status, 'QUEUED');
  });
});

describe('wait loop, inputs', () => {
  test('a custom EventBridge event starts it', async () => {
    const event = readSample('watch-requested.json');
    event.detail = { ...event.detail, ...ids(RUNS.watched) };

    const execution = await execute(event);

    assert.equal(execution.status, 'SUCCEEDED', JSON.stringify(execution.error));
    assert.equal(execution.output.TaskRunId, RUNS.watched.TaskRunId);
    assert.equal(execution.output.TaskType, 'LABELING_SET_GENERATION');
    assert.equal(execution.output.LabelingSetGenerationOutputS3Path, RUNS.watched.OutputS3Path);
    assert.equal(execution.output.MaxWaitSeconds, event.detail.MaxWaitSeconds);
    const { FirstPollDelay, ...firstPayload } = execution.functionCalls[0].payload;
    assert.deepEqual(firstPayload, event);
    assert.equal(typeof FirstPollDelay.Seconds, 'number');
    assert.equal(assertOneCompletionEvent(execution).Outcome, 'SUCCEEDED');
  });

  test('a CloudTrail event starts it', async () => {
    const event = readSample('cloudtrail-start-import-labels-task-run.json');
    event.detail.requestParameters.transformId = RUNS.importLabels.TransformId;
    event.detail.responseElements.taskRunId = RUNS.importLabels.TaskRunId;

    const execution = await execute(event);

    assert.equal(execution.status, 'SUCCEEDED', JSON.stringify(execution.error));
    assert.equal(execution.output.TaskRunId, RUNS.importLabels.TaskRunId);
    assert.equal(execution.output.ImportLabelsInputS3Path, RUNS.importLabels.InputS3Path);
    assert.equal(execution.output.ImportLabelsReplace, true);
    assert.equal(assertOneCompletionEvent(execution).Status.TaskType, 'IMPORT_LABELS');
  });

  test('a CloudTrail event without a run id looks it up', async () => {
    const event = readSample('cloudtrail-start-ml-evaluation-task-run-no-response.json');
    event.detail.requestParameters.transformId = LOOKUP_TRANSFORM;
    event.detail.eventTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    event.time = event.detail.eventTime;

    const execution = await execute(event);

    assert.equal(event.detail.responseElements, null);
    assert.equal(execution.status, 'SUCCEEDED', JSON.stringify(execution.error));
    assert.equal(execution.output.TaskRunId, RUNS.lookup.TaskRunId);
    assert.equal(assertOneCompletionEvent(execution).Status.TaskRunId, RUNS.lookup.TaskRunId);
  });
});

describe('wait loop, errors', () => {
  test('a missing run fails as TaskRunNotFound', async () => {
    const input = { TransformId: TRANSFORM, TaskRunId: taskRunId(0x7fff) };

    const execution = await execute(input);

    assert.equal(execution.status, 'FAILED');
    assert.equal(execution.error.name, 'TaskRunNotFound');
    assert.match(execution.error.cause, new RegExp(taskRunId(0x7fff)));
    assert.equal(execution.pollCount, 1);
    assert.equal(execution.retries, 0);
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'ERROR');
    assert.equal(detail.ErrorType, 'TaskRunNotFound');
    assert.equal(detail.Cause, execution.error.cause);
    assert.equal(detail.Status, null);
    assert.deepEqual(detail.ExecutionInput, input);
  });

  test('invalid input fails without retries', async () => {
    const execution = await execute({ TransformId: '', TaskRunId: taskRunId(1) });

    assert.equal(execution.error.name, 'InvalidTaskRunRequest');
    assert.equal(execution.pollCount, 1);
    assert.equal(execution.retries, 0);
    assert.equal(assertOneCompletionEvent(execution).ErrorType, 'InvalidTaskRunRequest');
  });

  test('throttling that clears is retried', async () => {
    const execution = await execute(ids(RUNS.throttled));

    assert.equal(execution.status, 'SUCCEEDED', JSON.stringify(execution.error));
    assert.equal(execution.retries, 2);
    assert.deepEqual(
      execution.functionCalls.slice(0, 2).map((call) => call.error?.name),
      ['GlueThrottled', 'GlueThrottled'],
    );
    assert.equal(execution.output.PollCount, execution.pollCount);
    assert.equal(assertOneCompletionEvent(execution).Outcome, 'SUCCEEDED');
  });

  test('a Glue fault that clears is retried', async () => {
    const execution = await execute(ids(RUNS.unavailable));

    assert.equal(execution.status, 'SUCCEEDED', JSON.stringify(execution.error));
    assert.equal(execution.retries, 1);
    assert.equal(execution.functionCalls[0].error?.name, 'GlueUnavailable');
  });

  test('throttling past the retries fails', async () => {
    const execution = await execute(ids(RUNS.alwaysThrottled));

    assert.equal(execution.status, 'FAILED');
    assert.equal(execution.error.name, 'GlueThrottled');
    assert.equal(execution.retries, 6);
    assert.equal(execution.functionCalls.length, 7);
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'ERROR');
    assert.equal(detail.ErrorType, 'GlueThrottled');
    assert.equal(detail.Status, null);
  });

  test('a Lambda service error is retried', async () => {
    const failFirstInvoke = async (payload, pollNumber) => {
      if (pollNumber === 1) {
        const error = new Error('Lambda was unable to handle the request.');
        error.name = 'Lambda.ServiceException';
        throw error;
      }
      return invokeFunction(payload);
    };

    const execution = await execute(ids(RUNS.lambdaFault), { invokeFunction: failFirstInvoke });

    assert.equal(execution.status, 'SUCCEEDED', JSON.stringify(execution.error));
    assert.equal(execution.retries, 1);
  });

  test('access lost after a poll keeps the last status', async () => {
    // From the third call on, the function signs with a wrong secret.
    const loseAccess = (payload, pollNumber) =>
      invokeBootstrap(
        executable,
        payload,
        functionEnvironment(pollNumber >= 3 ? { AWS_SECRET_ACCESS_KEY: 'revoked-secret' } : {}),
      );

    const execution = await execute(ids(RUNS.accessLost), { invokeFunction: loseAccess });

    assert.equal(execution.status, 'FAILED');
    assert.equal(execution.error.name, 'GlueAccessDenied');
    assert.equal(execution.pollCount, 3);
    assert.equal(execution.retries, 0);
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'ERROR');
    assert.equal(detail.ErrorType, 'GlueAccessDenied');
    // The document of the second poll, unchanged and without the caught error.
    assert.deepEqual(detail.Status, lastDocument(execution));
    assert.equal(detail.Status.PollCount, 2);
    assert.equal(Object.hasOwn(detail, 'ExecutionInput'), false);
  });

  test('a failed publish fails the execution', async () => {
    const execution = await execute(ids(RUNS.publishFails), {
      publishEvents: async () => {
        const error = new Error('EventBridge is unavailable.');
        error.name = 'States.TaskFailed';
        throw error;
      },
    });

    assert.equal(execution.status, 'FAILED');
    assert.equal(execution.error.name, 'CompletionEventNotPublished');
    assert.equal(execution.error.cause, 'EventBridge is unavailable.');
  });
});

describe('wait loop, wait bound', () => {
  test('ends the wait without a cancel', async () => {
    const execution = await execute({ ...ids(RUNS.boundNoCancel), MaxWaitSeconds: 1, CancelOnWaitBound: false });

    assert.equal(execution.status, 'FAILED');
    assert.equal(execution.error.name, 'WaitBoundExceeded');
    assert.match(execution.error.cause, /did not finish within the wait bound of 1 seconds/);
    assert.ok(execution.pollCount >= 2, `polled ${execution.pollCount} times`);
    assert.deepEqual(execution.cancelRequests, []);
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'WAIT_BOUND_EXCEEDED');
    assert.equal(detail.ErrorType, 'WaitBoundExceeded');
    assert.equal(detail.Cause, execution.error.cause);
    assert.equal(detail.Status.WaitExpired, true);
    assert.equal(detail.Status.IsTerminal, false);
    assert.equal(detail.Status.PollCount, execution.pollCount);
    assert.equal(Object.hasOwn(detail, 'Cancellation'), false);
  });

  test('cancels the run when asked', async () => {
    const execution = await execute({ ...ids(RUNS.boundCancel), MaxWaitSeconds: 1, CancelOnWaitBound: true });

    assert.equal(execution.error.name, 'WaitBoundExceeded');
    assert.deepEqual(execution.cancelRequests, [ids(RUNS.boundCancel)]);
    const detail = assertOneCompletionEvent(execution);
    assert.equal(detail.Outcome, 'WAIT_BOUND_EXCEEDED');
    assert.deepEqual(detail.Cancellation, { ...ids(RUNS.boundCancel), Status: 'STOPPING' });
    assert.equal(detail.Status.CancelOnWaitBound, true);
    const afterCancel = await glueClient.send(new GetMLTaskRunCommand(ids(RUNS.boundCancel)));
    assert.ok(['STOPPING', 'STOPPED'].includes(afterCancel.Status), `status after the cancel: ${afterCancel.Status}`);
  });

  test('a failed cancel still ends the wait', async () => {
    const rejectCancel = async () => {
      const error = new Error('Transform not found.');
      error.name = 'Glue.EntityNotFoundException';
      throw error;
    };

    const execution = await execute(
      { ...ids(RUNS.boundCancelFails), MaxWaitSeconds: 1, CancelOnWaitBound: true },
      { cancelTaskRun: rejectCancel },
    );

    assert.equal(execution.error.name, 'WaitBoundExceeded');
    assert.equal(execution.cancelRequests.length, 1);
    assert.deepEqual(assertOneCompletionEvent(execution).Cancellation, {
      Error: 'Glue.EntityNotFoundException',
      Cause: 'Transform not found.',
    });
  });
});
