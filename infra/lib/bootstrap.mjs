// Runs the published function executable once, as the contract's local invoke: the event
// on standard input, the status document on standard output (exit 0), or a function error
// as the last line of standard error, {"errorType", "errorMessage"} (exit 1).
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { bootstrapPath } from './paths.mjs';

// Lambda's Timeout in template.yaml is 30 s, and the process gets a little more before it is killed.
const PROCESS_TIMEOUT_MS = 35_000;

/** Returns the executable's path, or throws an error with the command that publishes it. */
export async function requireBootstrap() {
  const path = bootstrapPath();
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new Error(
      `The published function is missing or not executable at '${path}'. Publish it with ` +
        `'dotnet publish src/GlueTaskRunLambda -c Release -r linux-x64 -o artifacts/bootstrap-linux-x64' ` +
        `from the repository root, or set BOOTSTRAP_PATH to a published bootstrap.`,
    );
  }
  return path;
}

/**
 * Invokes the function on `event` with exactly the environment `environment` (nothing is
 * inherited, so no AWS profile or real credentials reach it).
 * Resolves with the status document. Rejects with an Error whose `name` is the function's
 * errorType, because that is what Step Functions Retry and Catch rules match. A crash
 * rejects as Lambda.Unknown and a kill after the timeout as Sandbox.Timedout, the names
 * Step Functions gives those failures.
 */
export function invokeBootstrap(executable, event, environment) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      executable,
      ['-'],
      { env: environment, timeout: PROCESS_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, standardOutput, standardError) => {
        if (!error) {
          try {
            resolve(parseDocument(standardOutput, standardError));
          } catch (parseError) {
            reject(parseError);
          }
          return;
        }
        reject(toFunctionError(error, standardError));
      },
    );
    child.stdin.end(JSON.stringify(event));
  });
}

function parseDocument(standardOutput, standardError) {
  try {
    return JSON.parse(standardOutput);
  } catch (error) {
    throw namedError(
      'Lambda.Unknown',
      `The function exited with code 0 but its standard output is not JSON (${error.message}). ` +
        `Standard error:\n${standardError}`,
    );
  }
}

function toFunctionError(error, standardError) {
  if (error.killed) {
    return namedError('Sandbox.Timedout', `The function ran longer than ${PROCESS_TIMEOUT_MS} ms and was stopped.`);
  }
  if (error.code === 1) {
    const lines = standardError.split('\n').filter((line) => line.trim() !== '');
    const lastLine = lines.at(-1) ?? '';
    try {
      const body = JSON.parse(lastLine);
      if (typeof body.errorType === 'string') {
        return namedError(body.errorType, body.errorMessage ?? '', standardError);
      }
    } catch {
      // Not an error line: reported below with the whole standard error.
    }
  }
  return namedError(
    'Lambda.Unknown',
    `The function failed with exit code ${error.code ?? error.signal} and no error line. Standard error:\n` +
      standardError,
  );
}

function namedError(name, message, log) {
  const error = new Error(message);
  error.name = name;
  if (log !== undefined) {
    error.log = log;
  }
  return error;
}
