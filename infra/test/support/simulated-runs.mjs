// Test fixtures for local-glue: ids in Glue's format and a runs file in a temporary folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Returns a transform id in Glue's format (tfm- and 32 hex digits), distinct per number. */
export function transformId(number) {
  return `tfm-${number.toString(16).padStart(32, '0')}`;
}

/** Returns a task run id in Glue's format (tsk- and 32 hex digits), distinct per number. */
export function taskRunId(number) {
  return `tsk-${number.toString(16).padStart(32, '0')}`;
}

/**
 * Writes the simulated runs to a runs file that local-glue reads with --runs.
 * Returns the file path and a function that removes its folder.
 */
export async function writeRunsFile(runs) {
  const folder = await mkdtemp(path.join(tmpdir(), 'wait-loop-runs-'));
  const file = path.join(folder, 'runs.json');
  await writeFile(file, JSON.stringify({ runs }, null, 2));
  return { file, remove: () => rm(folder, { recursive: true, force: true }) };
}
