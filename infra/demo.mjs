// One-command local demo of the wait loop. It starts local-glue with its shipped simulated
// runs and checks a sample event against the template's EventBridge rules. Then it runs the
// real ASL with the published function for each poll, and prints a timeline, the outcome
// and the completion event.
//
//   npm --prefix infra run demo -- [--fast] [--event FILE]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CancelMLTaskRunCommand, GlueClient } from '@aws-sdk/client-glue';
import { invokeBootstrap, requireBootstrap } from './lib/bootstrap.mjs';
import { matchesEventPattern } from './lib/event-pattern.mjs';
import { readEventRules } from './lib/event-rules.mjs';
import { LOCAL_GLUE_CREDENTIALS, LOCAL_GLUE_REGION, startLocalGlue } from './lib/local-glue.mjs';
import { repoRoot } from './lib/paths.mjs';
import {
  createWaitLoop,
  FIRST_WAIT_STATE,
  LOCAL_SUBSTITUTIONS,
  POLL_STATE,
  runWaitLoop,
  WAIT_STATE,
} from './lib/wait-loop.mjs';

const NORMAL = { timeScale: 10, waitMs: undefined };
const FAST = { timeScale: 60, waitMs: 200 };

const USAGE = `Usage: npm --prefix infra run demo -- [--fast] [--event FILE]

Runs the wait loop locally on a sample trigger event and prints each poll.
  --event FILE  Event or execution input to start with. Default: events/watch-requested.json
  --fast        Simulate Glue 60 times faster than real time and shorten every Wait to
                ${FAST.waitMs} ms. Without it Glue runs 10 times faster and each Wait lasts the
                seconds the function chose (a 60 s run then takes about 6 s).
  --help        Print this help.

Needs the published function at artifacts/bootstrap-linux-x64/bootstrap (or BOOTSTRAP_PATH).`;

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        fast: { type: 'boolean', default: false },
        event: { type: 'string', default: 'events/watch-requested.json' },
        help: { type: 'boolean', default: false },
      },
    });
    return values;
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(64);
  }
}

// npm runs the script in infra/, so a relative path is tried from where npm was started, then from the repository root.
function resolveEventFile(file) {
  const candidates = [path.resolve(process.env.INIT_CWD ?? process.cwd(), file), path.resolve(repoRoot, file)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    console.error(`Event file '${file}' not found. Pass a JSON file such as events/watch-requested.json.`);
    process.exit(64);
  }
  return found;
}

// local-glue starts a run's clock at the first request, so a CloudTrail event gets the
// current time: the function looks up a run without a run id by its start time.
function prepareInput(event) {
  if (event['detail-type'] === 'AWS API Call via CloudTrail' && event.detail) {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    return { ...event, time: now, detail: { ...event.detail, eventTime: now } };
  }
  return event;
}

async function describeTrigger(event) {
  if (event['detail-type'] === undefined) {
    return 'no rule: a direct execution input';
  }
  const rules = await readEventRules();
  const matched = rules.filter((rule) => matchesEventPattern(rule.pattern, event)).map((rule) => rule.name);
  if (matched.length === 0) {
    throw new Error(
      `No rule in template.yaml matches this event (source '${event.source}', detail-type ` +
        `'${event['detail-type']}'), so it would start no execution on AWS.`,
    );
  }
  return `rule ${matched.join(', ')}`;
}

// The polls and waits get their own lines, and Choice states only route, so they are not shown.
function isStepAfterPolling(state) {
  return state.type !== 'Choice' && state.name !== POLL_STATE && state.name !== WAIT_STATE;
}

function createTimeline(mode) {
  const startedAt = Date.now();
  const stamp = () => `+${((Date.now() - startedAt) / 1000).toFixed(2).padStart(6)}s`;

  return (event) => {
    const name = event.state?.name;
    if (event.type === 'StateExited' && name === POLL_STATE) {
      const document = event.state.output;
      if (document.PollCount === 1) {
        console.log(`${stamp()}  task run ${document.TaskRunId} of transform ${document.TransformId} (${document.TaskType})`);
      }
      const next = document.IsTerminal || document.WaitExpired ? '' : `, next poll in ${document.NextPollSeconds} s`;
      console.log(`${stamp()}  poll ${document.PollCount}: ${document.Status}${next}`);
    } else if (event.type === 'StateEntered' && name === FIRST_WAIT_STATE) {
      const drawn = event.state.input.FirstPollDelay.Seconds;
      const shortened = mode.waitMs === undefined ? '' : ` (waiting ${mode.waitMs} ms in its place, --fast)`;
      console.log(`${stamp()}  first poll spread: ${drawn} s${shortened}`);
    } else if (event.type === 'StateEntered' && name === WAIT_STATE && mode.waitMs !== undefined) {
      console.log(`${stamp()}  waiting ${mode.waitMs} ms in place of ${event.state.input.NextPollSeconds} s (--fast)`);
    } else if (event.type === 'StateFailed' && event.state.type === 'Task') {
      console.log(`${stamp()}  ${name} failed: ${event.Error}: ${event.Cause}`);
    } else if (event.type === 'StateRetried') {
      console.log(`${stamp()}  retrying ${name} (attempt ${event.retry.attempt})`);
    } else if (event.type === 'StateEntered' && isStepAfterPolling(event.state)) {
      console.log(`${stamp()}  ${name}`);
    }
  };
}

async function main() {
  const options = parseOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const mode = options.fast ? FAST : NORMAL;

  const eventFile = resolveEventFile(options.event);
  const event = JSON.parse(readFileSync(eventFile, 'utf8'));
  const executable = await requireBootstrap();
  const trigger = await describeTrigger(event);

  console.log(`Event:        ${path.relative(repoRoot, eventFile)} (${trigger})`);
  console.log('Starting local-glue...');
  const glue = await startLocalGlue({ timeScale: mode.timeScale });
  process.once('SIGINT', () => {
    glue.stop().finally(() => process.exit(130));
  });

  try {
    console.log(`local-glue:   ${glue.url}, Glue time ${mode.timeScale} times faster than real time`);
    const environment = {
      AWS_REGION: LOCAL_GLUE_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_GLUE_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_GLUE_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_GLUE: glue.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      POLL_MIN_SECONDS: options.fast ? '1' : '2',
      POLL_MAX_SECONDS: '10',
    };
    // The SDK warns once that its releases from 2027 on need Node 22. The demo leaves that
    // out of its output, and the tests still show it.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const glueClient = new GlueClient({
      region: LOCAL_GLUE_REGION,
      endpoint: glue.url,
      credentials: { ...LOCAL_GLUE_CREDENTIALS },
    });
    // A short spread keeps the demo quick without --fast; a deployed stack draws from 0 to 30 s by default.
    const stateMachine = await createWaitLoop({ ...LOCAL_SUBSTITUTIONS, FirstPollSpreadSeconds: '3' });

    console.log('\nTimeline:');
    const execution = await runWaitLoop(
      stateMachine,
      prepareInput(event),
      {
        invokeFunction: (payload) => invokeBootstrap(executable, payload, environment),
        cancelTaskRun: async (request) => {
          const { $metadata, ...response } = await glueClient.send(new CancelMLTaskRunCommand(request));
          return response;
        },
        onEvent: createTimeline(mode),
      },
      { waitMs: mode.waitMs, executionName: 'demo', timeoutMs: 600_000 },
    );

    console.log('\nOutcome:');
    if (execution.status === 'SUCCEEDED') {
      console.log(`  SUCCEEDED after ${execution.pollCount} polls`);
    } else {
      console.log(`  ${execution.status}: ${execution.error.name}: ${execution.error.cause}`);
    }
    console.log('\nCompletion event:');
    for (const entry of execution.publishedEntries) {
      console.log(JSON.stringify(entry, null, 2));
    }
  } finally {
    await glue.stop();
  }
}

main().catch((error) => {
  console.error(`Demo failed: ${error.message}`);
  process.exitCode = 1;
});
