// Locations of the files that the checks and the demo read, resolved from this file so
// that they work from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const infraDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(infraDir, '..');

export const aslPath = path.join(infraDir, 'statemachine', 'wait-for-task-run.asl.json');
export const templatePath = path.join(repoRoot, 'template.yaml');
export const samSchemaPath = path.join(infraDir, 'schemas', 'sam.schema.json');
export const eventsDir = path.join(repoRoot, 'events');
export const localGlueProject = path.join(repoRoot, 'src', 'GlueTaskRunLambda.LocalGlue');

/** The published function, from BOOTSTRAP_PATH or the path the README's publish command writes. */
export function bootstrapPath() {
  const configured = process.env.BOOTSTRAP_PATH;
  if (configured) {
    return path.resolve(configured);
  }
  return path.join(repoRoot, 'artifacts', 'bootstrap-linux-x64', 'bootstrap');
}
