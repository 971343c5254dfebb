// Starts local-glue, the project's local Glue endpoint, as a child process on a free
// 127.0.0.1 port, and stops it again. With LOCAL_GLUE_DLL set, it runs that prebuilt
// local-glue.dll; otherwise it runs `dotnet run --project src/GlueTaskRunLambda.LocalGlue`,
// which builds the project first when needed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { localGlueProject } from './paths.mjs';

// Fake values that local-glue accepts by default. They grant nothing on AWS.
export const LOCAL_GLUE_REGION = 'us-east-1';
export const LOCAL_GLUE_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIDLOCALGLUE00000000',
  secretAccessKey: 'local-glue-secret-key',
});

const READY_LINE = /^local-glue listening on (http:\/\/127\.0\.0\.1:\d+)\s*$/m;

// A first `dotnet run` may have to restore and build the project.
const DEFAULT_START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts local-glue and resolves once it prints its ready line.
 * @param {object} [options]
 * @param {number} [options.timeScale] simulated seconds per real second (--time-scale)
 * @param {string} [options.runsFile] JSON file of simulated runs (--runs); default: the shipped runs.json
 * @param {number} [options.startTimeoutMs] how long to wait for the ready line
 * @returns {Promise<{url: string, stop: () => Promise<void>, log: () => string}>}
 */
export async function startLocalGlue({ timeScale = 1, runsFile, startTimeoutMs = DEFAULT_START_TIMEOUT_MS } = {}) {
  const serverArguments = ['--port', '0', '--time-scale', String(timeScale)];
  if (runsFile) {
    serverArguments.push('--runs', runsFile);
  }

  const dll = process.env.LOCAL_GLUE_DLL;
  const commandArguments = dll
    ? [dll, ...serverArguments]
    : ['run', '--project', localGlueProject, '--no-launch-profile', '--', ...serverArguments];

  const child = spawn('dotnet', commandArguments, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });

  let standardOutput = '';
  let standardError = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    standardError += chunk;
  });

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`local-glue did not print its ready line within ${startTimeoutMs} ms.\n${standardError}`));
    }, startTimeoutMs);

    child.stdout.on('data', (chunk) => {
      standardOutput += chunk;
      const match = READY_LINE.exec(standardOutput);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Failed to start local-glue with 'dotnet ${commandArguments.join(' ')}': ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `local-glue exited with code ${code ?? signal} before it was ready. Its standard error:\n${standardError}`,
        ),
      );
    });
  });

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  return { url, stop, log: () => standardError };
}
