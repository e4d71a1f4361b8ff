import type { EvalResult } from './runEval.js';

/** The evaluation as a fixed-width table, one scenario a row, totals last. */
export function formatEvalTable(results: EvalResult[]): string {
  const rows = results.map((r) => [
    r.scenario,
    r.success ? 'yes' : 'NO',
    r.finalStatus,
    r.timeToHumanS === null ? '-' : r.timeToHumanS.toFixed(1),
    r.holdS.toFixed(1),
    `${r.keysPressed || '-'} / ${r.expectedKeys || '-'}`,
    `${r.outcomeFieldsCorrect}/${r.outcomeFieldsExpected}`,
    String(r.attempts),
    `$${r.costUsd.toFixed(3)}`,
  ]);
  const header = ['scenario', 'success', 'final status', 'to human s', 'hold s', 'keys / expected', 'fields', 'tries', 'cost'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  const passed = results.filter((r) => r.success).length;
  const cost = results.reduce((sum, r) => sum + r.costUsd, 0);
  const misses = results.filter((r) => !r.success).map((r) => `  ${r.scenario}: ${r.misses.join('; ')}`);
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
    '',
    `${passed} passed, ${results.length - passed} failed; voice model cost $${cost.toFixed(3)}`,
    ...(misses.length ? ['', 'What went wrong:', ...misses] : []),
  ].join('\n');
}
