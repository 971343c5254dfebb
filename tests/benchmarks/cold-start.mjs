// Cold start: the time from starting a fresh process to its first response arriving at
// the local Runtime API, with the Glue call served by local-glue through the timing
// proxy. The variants run interleaved, one of each per round in a rotating order, so a
// burst of load from other processes on the machine hits every variant alike.
//
// Usage: node tests/benchmarks/cold-start.mjs [--rounds 40] [--warmup 3]
//          [--variants aot,jit,floor,python,node]
// Build first with tests/benchmarks/build.sh. Writes artifacts/bench/results/cold-start.json.
import { performance } from 'node:perf_hooks';
import { glueTimeBetween, invokeOrFail, machineInfo, parseArgs, RUNNING_EVENT, startFunction, startSession, writeResult } from './lib/session.mjs';
import { formatMs, quantile, readMemory, summarize } from './lib/stats.mjs';
import { selectVariants } from './lib/variants.mjs';

const options = parseArgs(process.argv.slice(2), { rounds: '40', warmup: '3', variants: 'aot,jit,floor,python,node' });
const rounds = Number(options.rounds);
const warmup = Number(options.warmup);
const variants = selectVariants(options.variants.split(','));

async function coldStart(session, variant) {
  const nextCallsBefore = session.runtime.nextCalls.length;
  const functionProcess = startFunction(session, variant);
  try {
    const outcome = await invokeOrFail(session, functionProcess, variant, RUNNING_EVENT);
    const memory = readMemory(functionProcess.child.pid);
    const document = JSON.parse(outcome.body);
    if (typeof document.Status !== 'string') {
      throw new Error(`${variant.label} returned no Status: ${outcome.body}`);
    }
    const glue = glueTimeBetween(session.proxy, functionProcess.startedAt, outcome.respondedAt);
    if (!variant.noGlue && glue.calls !== 1) {
      throw new Error(`${variant.label} made ${glue.calls} Glue calls in its cold start, not 1.`);
    }
    return {
      totalMs: outcome.respondedAt - functionProcess.startedAt,
      initMs: session.runtime.nextCalls[nextCallsBefore] - functionProcess.startedAt,
      invokeMs: outcome.respondedAt - outcome.nextSentAt,
      glueMs: glue.total,
      peakRssKb: memory.hwmKb,
    };
  } finally {
    await functionProcess.kill();
  }
}

const session = await startSession();
const samples = Object.fromEntries(variants.map((variant) => [variant.name, []]));
try {
  for (let round = 0; round < warmup + rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const variant of order) {
      const sample = await coldStart(session, variant);
      if (round >= warmup) {
        samples[variant.name].push({ round: round - warmup, ...sample });
      }
    }
    if (round >= warmup && (round - warmup + 1) % 10 === 0) {
      console.error(`cold-start: ${round - warmup + 1} of ${rounds} rounds done`);
    }
  }
} finally {
  await session.stop();
}

const summary = {};
for (const variant of variants) {
  const list = samples[variant.name];
  summary[variant.name] = {
    label: variant.label,
    totalMs: summarize(list.map((s) => s.totalMs)),
    initMs: summarize(list.map((s) => s.initMs)),
    invokeMs: summarize(list.map((s) => s.invokeMs)),
    glueMs: summarize(list.map((s) => s.glueMs)),
    peakRssMb: summarize(list.map((s) => s.peakRssKb / 1024)),
  };
}

// Ratios to the AOT bootstrap: of the medians, and the median of the per-round ratios.
const ratios = {};
if (samples.aot) {
  for (const variant of variants.filter((v) => v.name !== 'aot')) {
    const paired = samples[variant.name].map((s, i) => s.totalMs / samples.aot[i].totalMs);
    ratios[variant.name] = {
      ofMedians: summary[variant.name].totalMs.median / summary.aot.totalMs.median,
      medianPerRound: quantile(paired, 0.5),
    };
  }
}

const file = writeResult('cold-start', { machine: machineInfo(), rounds, warmup, summary, ratios, samples });

console.log(`| variant | cold start median (min-max) ms | to first next ms | first invocation ms | Glue round trip ms | peak RSS median (min-max) MB | median / AOT median | median of per-round ratios |`);
console.log('|---|---|---|---|---|---|---|---|');
for (const variant of variants) {
  const s = summary[variant.name];
  const ratio = ratios[variant.name];
  console.log(
    `| ${s.label} | ${formatMs(s.totalMs.median)} (${formatMs(s.totalMs.min)}-${formatMs(s.totalMs.max)}) `
      + `| ${formatMs(s.initMs.median)} | ${formatMs(s.invokeMs.median)} | ${variant.noGlue ? '-' : formatMs(s.glueMs.median)} `
      + `| ${s.peakRssMb.median.toFixed(1)} (${s.peakRssMb.min.toFixed(1)}-${s.peakRssMb.max.toFixed(1)}) `
      + `| ${ratio ? ratio.ofMedians.toFixed(2) : '1'} | ${ratio ? ratio.medianPerRound.toFixed(2) : '1'} |`,
  );
}
console.error(`cold-start: results in ${file} (${performance.now().toFixed(0)} ms)`);
