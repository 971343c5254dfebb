// Calls local-glue with the AWS SDK for JavaScript, the same way a client calls Glue, and
// checks that every response and error parses as Glue's does: the fields the SDK reads
// and the error names it raises.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import {
  CancelMLTaskRunCommand,
  EntityNotFoundException,
  GetMLTaskRunCommand,
  GetMLTaskRunsCommand,
  GlueClient,
  InternalServiceException,
  InvalidInputException,
} from '@aws-sdk/client-glue';
import { LOCAL_GLUE_CREDENTIALS, LOCAL_GLUE_REGION, startLocalGlue } from '../lib/local-glue.mjs';
import { taskRunId, transformId, writeRunsFile } from './support/simulated-runs.mjs';

// 600 simulated seconds pass per real second, so a run of 60 s ends after 100 ms.
const TIME_SCALE = 600;
const RUN_END_WAIT_MS = 300;

const TRANSFORM = transformId(0x51);
const OTHER_TRANSFORM = transformId(0x52);
const RUNS = {
  evaluation: { TransformId: TRANSFORM, TaskRunId: taskRunId(0x5101), TaskType: 'EVALUATION', Outcome: 'SUCCEEDED', DurationSeconds: 60 },
  importLabels: {
    TransformId: TRANSFORM,
    TaskRunId: taskRunId(0x5102),
    TaskType: 'IMPORT_LABELS',
    InputS3Path: 's3://example-bucket/labels/labels.csv',
    Replace: true,
    Outcome: 'SUCCEEDED',
    DurationSeconds: 60,
  },
  exportLabels: {
    TransformId: TRANSFORM,
    TaskRunId: taskRunId(0x5103),
    TaskType: 'EXPORT_LABELS',
    OutputS3Path: 's3://example-bucket/exported/',
    Outcome: 'SUCCEEDED',
    DurationSeconds: 60,
  },
  failed: {
    TransformId: TRANSFORM,
    TaskRunId: taskRunId(0x5104),
    TaskType: 'LABELING_SET_GENERATION',
    OutputS3Path: 's3://example-bucket/labeling-set/',
    Outcome: 'FAILED',
    ErrorString: 'Labeling set generation failed: the source table is empty.',
    DurationSeconds: 60,
  },
  findMatches: {
    TransformId: OTHER_TRANSFORM,
    TaskRunId: taskRunId(0x5105),
    TaskType: 'FIND_MATCHES',
    JobId: 'j_0000000000000000000000000000000000000000000000000000000000000051',
    JobName: 'match-records',
    JobRunId: 'jr_0000000000000000000000000000000000000000000000000000000000000051',
    Outcome: 'SUCCEEDED',
    DurationSeconds: 60,
  },
  throttled: { TransformId: OTHER_TRANSFORM, TaskRunId: taskRunId(0x5106), TaskType: 'EVALUATION', Outcome: 'SUCCEEDED', DurationSeconds: 60, ThrottleFirst: 1 },
  unavailable: { TransformId: OTHER_TRANSFORM, TaskRunId: taskRunId(0x5107), TaskType: 'EVALUATION', Outcome: 'SUCCEEDED', DurationSeconds: 60, FailFirst: 1 },
  throttledThenRetried: { TransformId: OTHER_TRANSFORM, TaskRunId: taskRunId(0x5109), TaskType: 'EVALUATION', Outcome: 'SUCCEEDED', DurationSeconds: 60, ThrottleFirst: 1 },
  unavailableThenRetried: { TransformId: OTHER_TRANSFORM, TaskRunId: taskRunId(0x510a), TaskType: 'EVALUATION', Outcome: 'SUCCEEDED', DurationSeconds: 60, FailFirst: 1 },
  long: { TransformId: OTHER_TRANSFORM, TaskRunId: taskRunId(0x5108), TaskType: 'EVALUATION', Outcome: 'SUCCEEDED', DurationSeconds: 36000 },
};

let glue;
let runsFile;

function createClient(credentials = LOCAL_GLUE_CREDENTIALS, maxAttempts = 1) {
  // maxAttempts 1, so that each injected fault reaches the test instead of a retry. The
  // SDK records where credentials came from on the object itself, so it gets a copy.
  return new GlueClient({ region: LOCAL_GLUE_REGION, endpoint: glue.url, credentials: { ...credentials }, maxAttempts });
}

// Changes each request at a step of the SDK's middleware stack: 'build' runs before the
// request is signed, 'deserialize' after it is signed and just before it is sent.
function editRequests(client, step, edit) {
  client.middlewareStack.add(
    (next) => async (args) => {
      edit(args.request);
      return next(args);
    },
    { step, name: `testEdit-${step}` },
  );
  return client;
}

function ids(run) {
  return { TransformId: run.TransformId, TaskRunId: run.TaskRunId };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('the call succeeded, but an error was expected');
}

before(async () => {
  runsFile = await writeRunsFile(Object.values(RUNS));
  glue = await startLocalGlue({ timeScale: TIME_SCALE, runsFile: runsFile.file });
});

after(async () => {
  await glue?.stop();
  await runsFile?.remove();
});

describe('GetMLTaskRun through the SDK', () => {
  test('reads a run that just started', async () => {
    const before = Date.now();

    const response = await createClient().send(new GetMLTaskRunCommand(ids(RUNS.evaluation)));

    assert.equal(response.$metadata.httpStatusCode, 200);
    assert.equal(typeof response.$metadata.requestId, 'string');
    assert.equal(response.TransformId, RUNS.evaluation.TransformId);
    assert.equal(response.TaskRunId, RUNS.evaluation.TaskRunId);
    assert.equal(response.Status, 'STARTING');
    assert.equal(response.Properties.TaskType, 'EVALUATION');
    assert.equal(typeof response.LogGroupName, 'string');
    assert.ok(response.StartedOn instanceof Date, 'StartedOn is not parsed as a Date');
    assert.ok(Math.abs(response.StartedOn.getTime() - before) < 5_000, `StartedOn ${response.StartedOn.toISOString()}`);
    assert.ok(response.LastModifiedOn instanceof Date, 'LastModifiedOn is not parsed as a Date');
    assert.equal(response.CompletedOn, undefined);
    assert.equal(response.ErrorString, undefined);
  });

  test('reads a finished run', async () => {
    const client = createClient();
    await client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation)));
    await delay(RUN_END_WAIT_MS);

    const response = await client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation)));

    assert.equal(response.Status, 'SUCCEEDED');
    assert.ok(response.CompletedOn instanceof Date, 'CompletedOn is not parsed as a Date');
    assert.ok(response.CompletedOn >= response.StartedOn);
    assert.equal(response.ExecutionTime, 60);
  });

  test('reads a failed run with its ErrorString', async () => {
    const client = createClient();
    await client.send(new GetMLTaskRunCommand(ids(RUNS.failed)));
    await delay(RUN_END_WAIT_MS);

    const response = await client.send(new GetMLTaskRunCommand(ids(RUNS.failed)));

    assert.equal(response.Status, 'FAILED');
    assert.equal(response.ErrorString, RUNS.failed.ErrorString);
    assert.deepEqual(response.Properties, {
      TaskType: 'LABELING_SET_GENERATION',
      LabelingSetGenerationTaskRunProperties: { OutputS3Path: RUNS.failed.OutputS3Path },
    });
  });

  test('reads the properties of each task type', async () => {
    const client = createClient();

    const importLabels = await client.send(new GetMLTaskRunCommand(ids(RUNS.importLabels)));
    const exportLabels = await client.send(new GetMLTaskRunCommand(ids(RUNS.exportLabels)));
    const findMatches = await client.send(new GetMLTaskRunCommand(ids(RUNS.findMatches)));

    assert.deepEqual(importLabels.Properties, {
      TaskType: 'IMPORT_LABELS',
      ImportLabelsTaskRunProperties: { InputS3Path: RUNS.importLabels.InputS3Path, Replace: true },
    });
    assert.deepEqual(exportLabels.Properties, {
      TaskType: 'EXPORT_LABELS',
      ExportLabelsTaskRunProperties: { OutputS3Path: RUNS.exportLabels.OutputS3Path },
    });
    assert.deepEqual(findMatches.Properties, {
      TaskType: 'FIND_MATCHES',
      FindMatchesTaskRunProperties: {
        JobId: RUNS.findMatches.JobId,
        JobName: RUNS.findMatches.JobName,
        JobRunId: RUNS.findMatches.JobRunId,
      },
    });
  });
});

describe('GetMLTaskRuns through the SDK', () => {
  test('lists the runs of a transform', async () => {
    const response = await createClient().send(new GetMLTaskRunsCommand({ TransformId: TRANSFORM }));

    const listed = response.TaskRuns.map((run) => run.TaskRunId).sort();
    const expected = Object.values(RUNS)
      .filter((run) => run.TransformId === TRANSFORM)
      .map((run) => run.TaskRunId)
      .sort();
    assert.deepEqual(listed, expected);
    assert.equal(response.NextToken, undefined);
    for (const run of response.TaskRuns) {
      assert.equal(run.TransformId, TRANSFORM);
      assert.ok(run.StartedOn instanceof Date, `StartedOn of ${run.TaskRunId} is not a Date`);
      assert.equal(typeof run.Status, 'string');
    }
  });

  test('filters by task type', async () => {
    const response = await createClient().send(
      new GetMLTaskRunsCommand({ TransformId: TRANSFORM, Filter: { TaskRunType: 'IMPORT_LABELS' } }),
    );

    assert.deepEqual(
      response.TaskRuns.map((run) => run.TaskRunId),
      [RUNS.importLabels.TaskRunId],
    );
    assert.equal(response.TaskRuns[0].Properties.ImportLabelsTaskRunProperties.Replace, true);
  });

  test('pages with NextToken', async () => {
    const client = createClient();
    const seen = [];
    let nextToken;
    let pages = 0;

    do {
      const response = await client.send(
        new GetMLTaskRunsCommand({
          TransformId: TRANSFORM,
          MaxResults: 1,
          NextToken: nextToken,
          Sort: { Column: 'STARTED', SortDirection: 'ASCENDING' },
        }),
      );
      assert.ok(response.TaskRuns.length <= 1, `page ${pages} has ${response.TaskRuns.length} runs`);
      seen.push(...response.TaskRuns.map((run) => run.TaskRunId));
      nextToken = response.NextToken;
      pages += 1;
    } while (nextToken && pages < 10);

    assert.equal(pages, 4);
    assert.equal(new Set(seen).size, 4);
  });

  test('rejects MaxResults out of range', async () => {
    const error = await rejection(createClient().send(new GetMLTaskRunsCommand({ TransformId: TRANSFORM, MaxResults: 5000 })));

    assert.ok(error instanceof InvalidInputException, `got ${error.name}`);
    assert.equal(error.name, 'InvalidInputException');
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.equal(error.$fault, 'client');
    assert.match(error.message, /MaxResults/);
  });

  test('EntityNotFoundException for an unknown transform', async () => {
    const error = await rejection(createClient().send(new GetMLTaskRunsCommand({ TransformId: transformId(0x5fff) })));

    assert.ok(error instanceof EntityNotFoundException, `got ${error.name}`);
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.match(error.message, new RegExp(transformId(0x5fff)));
  });
});

describe('CancelMLTaskRun through the SDK', () => {
  test('stops a running run', async () => {
    const client = createClient();
    await client.send(new GetMLTaskRunCommand(ids(RUNS.long)));

    const response = await client.send(new CancelMLTaskRunCommand(ids(RUNS.long)));
    const after = await client.send(new GetMLTaskRunCommand(ids(RUNS.long)));

    assert.equal(response.TransformId, RUNS.long.TransformId);
    assert.equal(response.TaskRunId, RUNS.long.TaskRunId);
    assert.equal(response.Status, 'STOPPING');
    assert.ok(['STOPPING', 'STOPPED'].includes(after.Status), `status after the cancel: ${after.Status}`);
  });
});

describe('Glue errors through the SDK', () => {
  test('EntityNotFoundException for a missing run', async () => {
    const error = await rejection(
      createClient().send(new GetMLTaskRunCommand({ TransformId: TRANSFORM, TaskRunId: taskRunId(0x5fff) })),
    );

    assert.ok(error instanceof EntityNotFoundException, `got ${error.name}`);
    assert.equal(error.name, 'EntityNotFoundException');
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.equal(error.$fault, 'client');
    assert.match(error.message, new RegExp(taskRunId(0x5fff)));
  });

  test('InvalidInputException for an empty id', async () => {
    const error = await rejection(createClient().send(new GetMLTaskRunCommand({ TransformId: TRANSFORM, TaskRunId: '' })));

    assert.equal(error.name, 'InvalidInputException');
    assert.equal(error.$metadata.httpStatusCode, 400);
  });

  test('ThrottlingException, then the run', async () => {
    const client = createClient();

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.throttled))));
    const response = await client.send(new GetMLTaskRunCommand(ids(RUNS.throttled)));

    assert.equal(error.name, 'ThrottlingException');
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.equal(error.$fault, 'client');
    assert.equal(error.message, 'Rate exceeded');
    assert.equal(response.TaskRunId, RUNS.throttled.TaskRunId);
  });

  test('the SDK retries ThrottlingException', async () => {
    const response = await createClient(LOCAL_GLUE_CREDENTIALS, 2).send(new GetMLTaskRunCommand(ids(RUNS.throttledThenRetried)));

    assert.equal(response.TaskRunId, RUNS.throttledThenRetried.TaskRunId);
    assert.equal(response.$metadata.attempts, 2);
  });

  test('the SDK retries InternalServiceException', async () => {
    const response = await createClient(LOCAL_GLUE_CREDENTIALS, 2).send(new GetMLTaskRunCommand(ids(RUNS.unavailableThenRetried)));

    assert.equal(response.TaskRunId, RUNS.unavailableThenRetried.TaskRunId);
    assert.equal(response.$metadata.attempts, 2);
  });

  test('InternalServiceException, then the run', async () => {
    const client = createClient();

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.unavailable))));
    const response = await client.send(new GetMLTaskRunCommand(ids(RUNS.unavailable)));

    assert.ok(error instanceof InternalServiceException, `got ${error.name}`);
    assert.equal(error.$metadata.httpStatusCode, 500);
    assert.equal(error.$fault, 'server');
    assert.equal(response.TaskRunId, RUNS.unavailable.TaskRunId);
  });

  test('UnrecognizedClientException for an unknown key', async () => {
    const client = createClient({ accessKeyId: 'AKIDUNKNOWN000000000', secretAccessKey: LOCAL_GLUE_CREDENTIALS.secretAccessKey });

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation))));

    assert.equal(error.name, 'UnrecognizedClientException');
    assert.equal(error.$metadata.httpStatusCode, 400);
  });

  test('InvalidSignatureException for a wrong secret', async () => {
    const client = createClient({ accessKeyId: LOCAL_GLUE_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong-secret' });

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation))));

    assert.equal(error.name, 'InvalidSignatureException');
    assert.equal(error.$metadata.httpStatusCode, 400);
  });

  test('UnrecognizedClientException for an unexpected session token', async () => {
    const client = createClient({ ...LOCAL_GLUE_CREDENTIALS, sessionToken: 'unexpected-session-token' });

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation))));

    assert.equal(error.name, 'UnrecognizedClientException');
  });

  test('InvalidSignatureException for another region', async () => {
    const client = new GlueClient({
      region: 'eu-west-1',
      endpoint: glue.url,
      credentials: { ...LOCAL_GLUE_CREDENTIALS },
      maxAttempts: 1,
    });

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation))));

    assert.equal(error.name, 'InvalidSignatureException');
    assert.match(error.message, /eu-west-1/);
  });

  test('MissingAuthenticationTokenException without a signature', async () => {
    const client = editRequests(createClient(), 'deserialize', (request) => {
      delete request.headers.authorization;
    });

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation))));

    assert.equal(error.name, 'MissingAuthenticationTokenException');
    assert.equal(error.$metadata.httpStatusCode, 400);
  });

  test('IncompleteSignatureException for a malformed signature', async () => {
    const client = editRequests(createClient(), 'deserialize', (request) => {
      request.headers.authorization = 'AWS4-HMAC-SHA256 Credential=incomplete';
    });

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation))));

    assert.equal(error.name, 'IncompleteSignatureException');
    assert.equal(error.$metadata.httpStatusCode, 400);
  });

  test('UnknownOperationException for an unknown target', async () => {
    const client = editRequests(createClient(), 'build', (request) => {
      request.headers['x-amz-target'] = 'AWSGlue.GetMLTaskRunStatus';
    });

    const error = await rejection(client.send(new GetMLTaskRunCommand(ids(RUNS.evaluation))));

    assert.equal(error.name, 'UnknownOperationException');
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.match(error.message, /GetMLTaskRunStatus/);
  });
});
