// Summary statistics and /proc readings shared by the benchmark scripts.
import { readFileSync } from 'node:fs';

/** Returns the q-quantile (0 to 1) of the values by linear interpolation between order statistics. */
export function quantile(values, q) {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function summarize(values) {
  return {
    count: values.length,
    median: quantile(values, 0.5),
    min: Math.min(...values),
    max: Math.max(...values),
    p99: quantile(values, 0.99),
  };
}

/** Reads VmRSS and VmHWM (peak resident set size) of a process, in kB. */
export function readMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : NaN;
  };
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

export function formatMs(value) {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
