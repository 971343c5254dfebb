// What every process benchmark needs: local-glue behind the timing proxy, a local Runtime
// API, and a way to start one function process against them and wait for its results.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { functionEnv } from './env.mjs';
import { startGlueProxy, startLocalGlue } from './glue.mjs';
import { startRuntimeApi } from './runtime-api.mjs';
import { localGlueDll, repoRoot, resultsDir } from './variants.mjs';

/** A run that stays RUNNING for an hour of real time at time scale 1 (see local-glue's runs.json). */
export const RUNNING_EVENT = {
  TransformId: 'tfm-00000000000000000000000000000001',
  TaskRunId: 'tsk-0000000000000000000000000000000b',
};

export async function startSession() {
  const glue = await startLocalGlue(localGlueDll);
  const proxy = await startGlueProxy(glue.url);
  const runtime = await startRuntimeApi();
  return {
    glue,
    proxy,
    runtime,
    env: functionEnv({ runtimeApi: runtime.address, glueUrl: proxy.url }),
    async stop() {
      await runtime.stop();
      await proxy.stop();
      await glue.stop();
    },
  };
}

/** Starts one function process; its standard error is kept for failure messages. */
export function startFunction(session, variant) {
  const startedAt = performance.now();
  const child = spawn(variant.command, variant.args, {
    env: session.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    startedAt,
    exited,
    stderr: () => stderr,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
      await exited;
      session.runtime.dropParked();
    },
  };
}

/**
 * Sends one event to a started process and waits for its response, failing when the
 * process exits first, posts an error, or takes longer than timeoutMs.
 */
export async function invokeOrFail(session, functionProcess, variant, event, timeoutMs = 60_000) {
  let timer;
  const outcome = await Promise.race([
    session.runtime.invoke(event),
    functionProcess.exited.then(({ code, signal }) => ({ exited: true, code, signal })),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome.exited || outcome.timedOut) {
    session.runtime.clearQueue();
    const reason = outcome.timedOut ? `took longer than ${timeoutMs} ms` : `exited (${outcome.code ?? outcome.signal})`;
    throw new Error(`${variant.label} ${reason} before posting a response. Its standard error:\n${functionProcess.stderr()}`);
  }
  if (outcome.kind !== 'response') {
    throw new Error(`${variant.label} posted an error instead of a response: ${outcome.body}`);
  }
  return outcome;
}

/** Sums the time of the Glue calls the proxy saw between two instants. */
export function glueTimeBetween(proxy, from, to) {
  let total = 0;
  let calls = 0;
  for (let i = proxy.records.length - 1; i >= 0; i--) {
    const record = proxy.records[i];
    if (record.start < from) {
      break;
    }
    if (record.end <= to) {
      total += record.end - record.start;
      calls += 1;
    }
  }
  return { total, calls };
}

export function machineInfo() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  const git = (args) => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    sourceChanged: git(['status', '--porcelain', '--', 'src/GlueTaskRunLambda']) !== '',
    cpu: model,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    node: process.version,
    loadAverage: os.loadavg().map((value) => value.toFixed(2)),
  };
}

export function writeResult(name, result) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Parses --name value pairs into an object of strings. */
export function parseArgs(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    if (!name || !(name in defaults) || argv[i + 1] === undefined) {
      throw new Error(`Invalid argument '${argv[i]}': the options are ${Object.keys(defaults).map((key) => `--${key} VALUE`).join(', ')}.`);
    }
    options[name] = argv[i + 1];
  }
  return options;
}
