// Warm invocations: one process handles many events in a row, each event being the
// previous status document, as in the wait loop. For every invocation the script takes
// the time from handing out the event to receiving the response, and subtracts the Glue
// round trip that the timing proxy saw in between; the rest is the time the function
// adds. It samples the resident set size (VmRSS) as it goes, to show whether memory grows.
//
// Usage: node tests/benchmarks/warm.mjs [--variant aot] [--invocations 10000] [--sample-every 500]
//          [--env NAME=VALUE,...] [--name warm-aot]
// --env adds variables to the function's environment, for example
// DOTNET_GCHeapHardLimit=0x6000000, the GC heap limit .NET derives from a 128 MB container.
// Build first with tests/benchmarks/build.sh. Writes artifacts/bench/results/warm-VARIANT.json.
import { performance } from 'node:perf_hooks';
import { glueTimeBetween, invokeOrFail, machineInfo, parseArgs, RUNNING_EVENT, startFunction, startSession, writeResult } from './lib/session.mjs';
import { formatMs, readMemory, summarize } from './lib/stats.mjs';
import { selectVariants } from './lib/variants.mjs';

const options = parseArgs(process.argv.slice(2), {
  variant: 'aot',
  invocations: '10000',
  'sample-every': '500',
  env: '',
  name: '',
});
const [variant] = selectVariants([options.variant]);
const invocations = Number(options.invocations);
const sampleEvery = Number(options['sample-every']);

const extraEnv = Object.fromEntries(
  options.env.split(',').filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new Error(`--env entry '${pair}' is invalid: write NAME=VALUE.`);
    }
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

const session = await startSession();
Object.assign(session.env, extraEnv);
const functionProcess = startFunction(session, variant);
const durations = [];
const glueTimes = [];
const overheads = [];
const memorySamples = [];
let coldStartMs;
const started = performance.now();
try {
  let event = RUNNING_EVENT;
  const first = await invokeOrFail(session, functionProcess, variant, event);
  coldStartMs = first.respondedAt - functionProcess.startedAt;
  memorySamples.push({ invocation: 1, ...readMemory(functionProcess.child.pid) });
  event = first.body;

  for (let i = 2; i <= invocations; i++) {
    const outcome = await invokeOrFail(session, functionProcess, variant, event);
    const glue = glueTimeBetween(session.proxy, outcome.nextSentAt, outcome.respondedAt);
    const expectedCalls = variant.noGlue ? 0 : 1;
    if (glue.calls !== expectedCalls) {
      throw new Error(`Invocation ${i} made ${glue.calls} Glue calls, not ${expectedCalls}.`);
    }
    const duration = outcome.respondedAt - outcome.nextSentAt;
    durations.push(duration);
    glueTimes.push(glue.total);
    overheads.push(duration - glue.total);
    event = outcome.body;
    if (i % sampleEvery === 0) {
      memorySamples.push({ invocation: i, ...readMemory(functionProcess.child.pid) });
    }
  }
} finally {
  await functionProcess.kill();
  await session.stop();
}

const rss = memorySamples.map((s) => s.rssKb / 1024);
const afterWarmUp = memorySamples.filter((s) => s.invocation >= 1000);
const result = {
  machine: machineInfo(),
  variant: variant.name,
  label: variant.label,
  extraEnv,
  invocations,
  coldStartMs,
  wallSeconds: (performance.now() - started) / 1000,
  durationMs: summarize(durations),
  glueRoundTripMs: summarize(glueTimes),
  overheadMs: summarize(overheads),
  rssMb: { first: rss[0], last: rss.at(-1), max: Math.max(...rss) },
  rssGrowthAfter1000Mb: afterWarmUp.length > 1
    ? (afterWarmUp.at(-1).rssKb - afterWarmUp[0].rssKb) / 1024
    : null,
  peakRssMb: memorySamples.at(-1).hwmKb / 1024,
  memorySamples,
};
const file = writeResult(options.name || `warm-${variant.name}`, result);

const line = (name, s) => `| ${name} | ${formatMs(s.median)} | ${formatMs(s.p99)} | ${formatMs(s.min)} | ${formatMs(s.max)} |`;
const envNote = options.env ? ` with ${options.env}` : '';
console.log(`${variant.label}${envNote}: ${invocations} invocations in ${result.wallSeconds.toFixed(1)} s (the first is the cold start, ${formatMs(coldStartMs)} ms, left out below)`);
console.log('| per invocation, ms | median | p99 | min | max |');
console.log('|---|---|---|---|---|');
console.log(line('event out to response in', result.durationMs));
console.log(line('Glue round trip (proxy)', result.glueRoundTripMs));
console.log(line('added by the function', result.overheadMs));
console.log(`RSS MB at invocations ${memorySamples.map((s) => s.invocation).join(', ')}: ${rss.map((v) => v.toFixed(1)).join(', ')}`);
console.log(`peak RSS (VmHWM) ${result.peakRssMb.toFixed(1)} MB; RSS change from invocation 1,000 to the end ${result.rssGrowthAfter1000Mb?.toFixed(1)} MB`);
console.error(`warm: results in ${file}`);
