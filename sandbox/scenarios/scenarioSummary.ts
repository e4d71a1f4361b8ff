import { statSync } from 'node:fs';
import type { BusinessScript } from '../businesses/businessScript.js';
import { displayPath, loadScenarioFile, scenarioFilesIn } from './scenarioLoader.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function holdRange(script: BusinessScript): string | null {
  if (script.pickup !== 'answer') return null;
  const seconds = Object.values(script.departments).flatMap(({ hold }) => (hold ? [hold.seconds].flat() : []));
  if (seconds.length === 0) return null;
  const min = Math.min(...seconds);
  const max = Math.max(...seconds);
  return min === max ? `hold ${min} s` : `hold ${min}-${max} s`;
}

/** One line about a valid scenario: "Acme Telecom (+18005550101; 0 menus, 1 department, expected: completed)". */
export function describeScenario(script: BusinessScript): string {
  const parts: string[] = [];
  if (script.pickup === 'answer') {
    parts.push(plural(Object.keys(script.menus).length, 'menu'), plural(Object.keys(script.departments).length, 'department'));
    const hold = holdRange(script);
    if (hold) parts.push(hold);
    if (script.answeredBy === 'voicemail') parts.push('voicemail');
    if (script.hours) parts.push(`opening hours (${script.timeZone})`);
    if (script.drop) parts.push(`drops after ${script.drop.afterSeconds} s${script.drop.onlyFirstCall ? ' on first calls' : ''}`);
  } else {
    parts.push(script.pickup);
  }
  const expected = script.expected;
  if (expected) {
    const route = expected.path.length > 0 ? ` via ${expected.path.join(' > ')}` : '';
    parts.push(`expected: ${expected.outcome.finalStatus}${expected.outcome.reached ? `/${expected.outcome.reached}` : ''}${route}`);
  }
  return `${script.name} (${script.number}; ${parts.join(', ')})`;
}

export interface CheckResult {
  ok: boolean;
  lines: string[];
}

/**
 * Validates scenario files (folders are expanded to their .yaml files) without running them:
 * "ok: ..." per valid file, every problem per invalid one, and clashes of ids or numbers between files.
 */
export function checkScenarioFiles(targets: readonly string[]): CheckResult {
  const lines: string[] = [];
  let ok = true;
  const owners = new Map<string, string>();
  const files = targets.flatMap((target) => (statSync(target, { throwIfNoEntry: false })?.isDirectory() ? scenarioFilesIn(target) : [target]));
  for (const file of files) {
    const shown = displayPath(file);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
      lines.push(`${shown}: no such file`);
      ok = false;
      continue;
    }
    const result = loadScenarioFile(file);
    if (!result.ok) {
      lines.push(...result.errors);
      ok = false;
      continue;
    }
    const clash = [`id ${result.script.id}`, `number ${result.script.number}`].find((key) => owners.has(key));
    if (clash) {
      lines.push(`${shown}: ${clash} is already used by ${owners.get(clash)}`);
      ok = false;
      continue;
    }
    owners.set(`id ${result.script.id}`, shown);
    owners.set(`number ${result.script.number}`, shown);
    lines.push(`ok: ${describeScenario(result.script)}`);
  }
  return { ok, lines };
}
