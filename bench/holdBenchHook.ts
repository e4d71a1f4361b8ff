import { existsSync } from 'node:fs';
import { formatTable } from './resultTable.js';

export interface HoldBenchFigures {
  /** Whatever runHoldBench() returned, written to the JSON as `hold`. */
  result: unknown;
  printed: string;
}

/**
 * Runs the hold-detector benchmark (bench/holdBench.ts, `runHoldBench()`, written separately) when it
 * exists, so one `npm run bench:bridge` reports both. Its result shape belongs to that file: it is printed
 * with its own `holdBenchTable()` when it has one, generically otherwise, and stored as-is.
 */
export async function runHoldBenchIfPresent(): Promise<HoldBenchFigures | undefined> {
  if (!existsSync(new URL('./holdBench.ts', import.meta.url))) {
    console.log('\nhold detector benchmark: bench/holdBench.ts is not there yet; skipped');
    return undefined;
  }
  // A computed specifier: the module may not exist when this file is type-checked.
  const specifier = './holdBench.js';
  const holdBench = (await import(specifier)) as { runHoldBench?: () => Promise<unknown>; holdBenchTable?: (result: unknown) => string };
  if (typeof holdBench.runHoldBench !== 'function') throw new Error('bench/holdBench.ts does not export runHoldBench()');
  const result = await holdBench.runHoldBench();
  const printed = typeof holdBench.holdBenchTable === 'function' ? holdBench.holdBenchTable(result) : describeFigures(result);
  return { result, printed };
}

export function describeFigures(value: unknown, indent = ''): string {
  if (Array.isArray(value) && value.length && value.every(isRecord)) {
    const keys = [...new Set(value.flatMap((row) => Object.keys(row)))];
    return formatTable(keys, value.map((row) => keys.map((k) => scalar(row[k]))))
      .split('\n')
      .map((line) => indent + line)
      .join('\n');
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, v]) => (isRecord(v) || Array.isArray(v) ? `${indent}${key}:\n${describeFigures(v, indent + '  ')}` : `${indent}${key}: ${scalar(v)}`))
      .join('\n');
  }
  return indent + scalar(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
