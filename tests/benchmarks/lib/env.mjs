// Environments for the processes the benchmarks start. Each is built from nothing, so
// no AWS_PROFILE, AWS_CA_BUNDLE, AWS_SESSION_TOKEN or real credential of the calling
// shell reaches a child. The credentials are local-glue's fake defaults, which AWS
// rejects, and instance metadata lookups are off.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FAKE_ACCESS_KEY_ID = 'AKIDLOCALGLUE00000000';
export const FAKE_SECRET_ACCESS_KEY = 'local-glue-secret-key';

// An empty home folder, so that no SDK finds a ~/.aws folder of this machine.
const home = mkdtempSync(path.join(tmpdir(), 'glue-bench-home-'));

function common() {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    TZ: ':UTC',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY,
    AWS_CONFIG_FILE: path.join(home, 'missing-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'missing-aws-credentials'),
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
  };
}

/** The environment of a function process: what Lambda sets for a 128 MB function, pointed at local servers. */
export function functionEnv({ runtimeApi, glueUrl }) {
  return {
    ...common(),
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    AWS_ENDPOINT_URL_GLUE: glueUrl,
    AWS_LAMBDA_FUNCTION_NAME: 'glue-task-run-benchmark',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
  };
}

export function localGlueEnv() {
  // local-glue calls no AWS service. The endpoint still points at loopback (the discard
  // port), so that nothing started here can reach AWS whatever it does.
  return { ...common(), AWS_ENDPOINT_URL_GLUE: 'http://127.0.0.1:9' };
}
