import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { BusinessScript } from '../businesses/businessScript.js';
import { factNamesIn } from '../businesses/callFacts.js';
import { scriptLines } from '../businesses/scriptLines.js';
import { checkScenario, type IssuePath } from './scenarioChecks.js';
import { scenarioSchema } from './scenarioSchema.js';
import { toBusinessScript } from './scenarioScript.js';

/** The folder of the built-in scenarios (this one). */
export const BUILT_IN_SCENARIO_DIR = path.dirname(fileURLToPath(import.meta.url));
/** Longest line the synthesizer takes, with room for facts filled in. */
const MAX_TEMPLATE_LENGTH = 1800;
const HOLD_PLACEHOLDERS = new Set(['position', 'minutes']);

export type ScenarioResult = { ok: true; script: BusinessScript } | { ok: false; errors: string[] };

/** Problems in one or more scenario files, one line each: `file: path: what is wrong (line n)`. */
export class ScenarioLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid sandbox scenarios:\n${problems.join('\n')}`);
    this.name = 'ScenarioLoadError';
  }
}

/** A file as messages name it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** "ivr.menus.main.options[2].digit" */
function formatPath(issuePath: readonly PropertyKey[]): string {
  return issuePath.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}

function describeInput(input: unknown): string {
  if (input === null) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${JSON.stringify(input)}`;
}

const TYPE_NAMES: Record<string, string> = { object: 'a mapping of fields', array: 'a list', string: 'text', number: 'a number', boolean: 'true or false' };

const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') {
    const shape = (issue.inst as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape;
    const allowed = shape ? ` (allowed: ${Object.keys(shape).join(', ')})` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}${allowed}`;
  }
  if (issue.code === 'invalid_type') return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeInput(issue.input)}`;
  return undefined;
};

function messageOf(issue: z.core.$ZodIssue): string {
  const missing = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
  if (missing) return 'is required';
  // A bad name of a menu, department or fact: say what is wrong with the name, not just "Invalid key".
  if (issue.code === 'invalid_key' && issue.issues[0]) return `the name ${JSON.stringify(issue.input)} is not allowed: ${issue.issues[0].message}`;
  return issue.message;
}

/** The line a path points at, or at its nearest existing parent (a missing field is reported at its mapping). */
function lineOf(document: Document, lines: LineCounter, issuePath: IssuePath): number | null {
  for (let length = issuePath.length; length >= 0; length--) {
    const node = document.getIn(issuePath.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}

/** Validates one scenario file's text; `file` names it in messages, its base name is the default id. */
export function parseScenario(text: string, file: string): ScenarioResult {
  const shown = displayPath(file);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return { ok: false, errors: document.errors.map((error) => `${shown}: line ${lines.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`) };
  }
  const problem = (issuePath: IssuePath, message: string) => {
    const line = lineOf(document, lines, issuePath);
    const where = issuePath.length > 0 ? `${formatPath(issuePath)}: ` : '';
    return `${shown}: ${where}${message}${line === null ? '' : ` (line ${line})`}`;
  };
  const parsed = scenarioSchema.safeParse(document.toJS(), { error: errorMap, reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => problem(issue.path as IssuePath, messageOf(issue))) };
  }
  const issues = checkScenario(parsed.data);
  if (issues.length > 0) return { ok: false, errors: issues.map((issue) => problem(issue.path, issue.message)) };

  const script = toBusinessScript(parsed.data, path.basename(file).replace(/\.ya?ml$/, ''));
  if (script.pickup !== 'answer') return { ok: true, script };
  const lineErrors: string[] = [];
  for (const line of scriptLines(script)) {
    const unknown = factNamesIn(line.template).filter((name) => !(name in script.facts) && !(line.kind === 'position' && HOLD_PLACEHOLDERS.has(name)));
    const issuePath = line.where.split(/\.|\[(\d+)\]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const known = [...Object.keys(script.facts), ...(line.kind === 'position' ? HOLD_PLACEHOLDERS : [])].join(', ') || 'none';
    for (const name of unknown) lineErrors.push(problem(issuePath, `uses {${name}}, which is not a fact (facts: ${known})`));
    if (line.template.length > MAX_TEMPLATE_LENGTH) lineErrors.push(problem(issuePath, `is too long to say in one go (at most ${MAX_TEMPLATE_LENGTH} characters)`));
  }
  return lineErrors.length > 0 ? { ok: false, errors: [...new Set(lineErrors)] } : { ok: true, script };
}

export function loadScenarioFile(file: string): ScenarioResult {
  return parseScenario(readFileSync(file, 'utf8'), file);
}

/** The scenario files of a folder, sorted by name. */
export function scenarioFilesIn(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new ScenarioLoadError([`${dir}: not a directory`]);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** The built-in folder plus extra ones, e.g. from SANDBOX_SCENARIOS="dir1:dir2". */
export function scenarioDirs(extra: string | readonly string[] | undefined): string[] {
  const extraDirs = typeof extra === 'string' ? extra.split(':') : (extra ?? []);
  return [BUILT_IN_SCENARIO_DIR, ...extraDirs.filter((dir) => dir.trim() !== '').map((dir) => path.resolve(dir))];
}

/**
 * Loads every scenario in the folders; ids and numbers must be unique across all of them. Throws a
 * ScenarioLoadError listing every problem found, so one run shows everything to fix.
 */
export function loadScenarios(dirs: readonly string[]): BusinessScript[] {
  const problems: string[] = [];
  const scripts: BusinessScript[] = [];
  const owners = new Map<string, string>();
  for (const dir of dirs) {
    let files: string[];
    try {
      files = scenarioFilesIn(dir);
    } catch (error) {
      problems.push(...(error instanceof ScenarioLoadError ? error.problems : [String(error)]));
      continue;
    }
    for (const file of files) {
      const result = loadScenarioFile(file);
      if (!result.ok) {
        problems.push(...result.errors);
        continue;
      }
      const shown = displayPath(file);
      const { id, number } = result.script;
      const clash = [`id ${id}`, `number ${number}`].find((key) => owners.has(key));
      if (clash) {
        problems.push(`${shown}: ${clash} is already used by ${owners.get(clash)}`);
        continue;
      }
      owners.set(`id ${id}`, shown);
      owners.set(`number ${number}`, shown);
      scripts.push(result.script);
    }
  }
  if (problems.length > 0) throw new ScenarioLoadError(problems);
  return scripts;
}
