// The function's job written as a plain Node.js custom runtime with the AWS SDK for
// JavaScript v3, the way a user would otherwise write it, for the cold-start and warm
// comparisons. It reads one run with GetMLTaskRunCommand and returns the main fields of
// the status document with the same poll policy, but skips the function's input
// validation, error classification and logging. The SDK is loaded from node_modules
// without bundling.
import http from 'node:http';
import { GetMLTaskRunCommand, GlueClient } from '@aws-sdk/client-glue';

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const agent = new http.Agent({ keepAlive: true });
const MIN_POLL_SECONDS = 30;
const MAX_POLL_SECONDS = 300;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMEOUT', 'STOPPED']);

const glue = new GlueClient({ endpoint: process.env.AWS_ENDPOINT_URL_GLUE });

function runtimeApi(method, path, body, contentType) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host,
        port,
        method,
        path: `/2018-06-01/runtime/invocation/${path}`,
        agent,
        headers: body ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) } : {},
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function nextPollSeconds(elapsedSeconds) {
  const target = Math.min(Math.max(elapsedSeconds * 0.1, MIN_POLL_SECONDS), MAX_POLL_SECONDS);
  const low = Math.max(MIN_POLL_SECONDS, target * 0.8);
  const high = Math.min(MAX_POLL_SECONDS, target * 1.2);
  return Math.round(low + Math.random() * (high - low));
}

async function handle(event) {
  const request = event.detail ?? event;
  const run = await glue.send(
    new GetMLTaskRunCommand({ TransformId: request.TransformId, TaskRunId: request.TaskRunId }),
  );
  const now = new Date();
  const terminal = TERMINAL.has(run.Status);
  const started = run.StartedOn ?? now;
  return {
    TransformId: request.TransformId,
    TaskRunId: request.TaskRunId,
    Status: run.Status ?? null,
    IsTerminal: terminal,
    TaskType: run.Properties?.TaskType ?? null,
    LogGroupName: run.LogGroupName ?? null,
    ErrorString: run.ErrorString ?? null,
    StartedOn: run.StartedOn?.toISOString() ?? null,
    LastModifiedOn: run.LastModifiedOn?.toISOString() ?? null,
    CompletedOn: run.CompletedOn?.toISOString() ?? null,
    ExecutionTime: run.ExecutionTime ?? null,
    CheckedOn: now.toISOString(),
    PollCount: (request.PollCount ?? 0) + 1,
    NextPollSeconds: terminal ? 0 : nextPollSeconds((now - started) / 1000),
  };
}

for (;;) {
  const next = await runtimeApi('GET', 'next');
  const requestId = next.headers['lambda-runtime-aws-request-id'];
  try {
    const document = await handle(JSON.parse(next.body));
    await runtimeApi('POST', `${requestId}/response`, JSON.stringify(document), 'application/json');
  } catch (error) {
    const failure = JSON.stringify({ errorType: error.name, errorMessage: error.message });
    await runtimeApi('POST', `${requestId}/error`, failure, 'application/vnd.aws.lambda.error+json');
  }
}
