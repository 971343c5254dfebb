// The function builds the benchmarks compare, and where tests/benchmarks/build.sh puts them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const benchDir = path.join(repoRoot, 'artifacts', 'bench');
export const resultsDir = path.join(benchDir, 'results');
export const localGlueDll = path.join(repoRoot, 'artifacts', 'local-glue', 'local-glue.dll');

const runtimesDir = path.join(repoRoot, 'tests', 'benchmarks', 'runtimes');

export const variants = {
  aot: {
    label: 'Native AOT bootstrap',
    command: path.join(benchDir, 'aot', 'bootstrap'),
    args: [],
  },
  jit: {
    label: 'JIT (dotnet bootstrap.dll)',
    command: 'dotnet',
    args: [path.join(benchDir, 'jit', 'bootstrap.dll')],
  },
  floor: {
    label: 'floor (AOT, Runtime API only)',
    command: path.join(benchDir, 'floor', 'floor'),
    args: [],
    noGlue: true,
  },
  python: {
    label: 'Python 3.11 + boto3',
    command: '/usr/bin/python3',
    args: [path.join(runtimesDir, 'python', 'bootstrap.py')],
  },
  node: {
    label: 'Node.js + @aws-sdk/client-glue',
    command: 'node',
    args: [path.join(runtimesDir, 'node', 'index.mjs')],
  },
};

export function selectVariants(names) {
  return names.map((name) => {
    const variant = variants[name];
    if (!variant) {
      throw new Error(`Unknown variant '${name}': use one of ${Object.keys(variants).join(', ')}.`);
    }
    return { name, ...variant };
  });
}
