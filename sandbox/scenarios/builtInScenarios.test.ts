import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AnsweringScript, BusinessScript } from '../businesses/businessScript.js';
import { sandboxBusinessDirectory } from '../businesses/sandboxBusinesses.js';
import { BUILT_IN_SCENARIO_DIR, loadScenarios, scenarioDirs } from './scenarioLoader.js';
import { checkScenarioFiles } from './scenarioSummary.js';

const scripts = loadScenarios(scenarioDirs([]));
const answering = scripts.filter((script): script is AnsweringScript => script.pickup === 'answer');
const byId = (id: string) => scripts.find((script) => script.id === id);

function menuDepth(script: AnsweringScript, place: string, seen = new Set<string>()): number {
  const menu = script.menus[place];
  if (!menu || seen.has(place)) return 0;
  seen.add(place);
  return 1 + Math.max(0, ...menu.options.map((option) => menuDepth(script, option.to, new Set(seen))));
}

const agentsOf = (script: AnsweringScript) => Object.values(script.departments).map((department) => department.agent);
const turnsOf = (script: AnsweringScript) => agentsOf(script).flatMap((agent) => agent.turns);

test('every built-in scenario file validates, with ground truth, on its own 1800555 01xx number', () => {
  assert.ok(scripts.length >= 15, `${scripts.length} built-in scenarios`);
  for (const script of scripts) {
    assert.match(script.number, /^\+180055501\d\d$/, script.id);
    assert.ok(script.expected, `${script.id} has no expected outcome`);
    assert.ok(script.description, `${script.id} has no description`);
  }
  assert.equal(new Set(scripts.map((script) => script.number)).size, scripts.length);
});

test('the three lines the end-to-end test relies on keep their numbers and behaviour', () => {
  const directory = sandboxBusinessDirectory();
  assert.deepEqual(
    ['+18005550101', '+18005550102', '+18005550103'].map((number) => [directory.find(number)?.name, directory.find(number)?.pickup]),
    [
      ['Acme Telecom', 'answer'],
      ['Busy Line', 'busy'],
      ['Nobody Home', 'no-answer'],
    ],
  );
  const acme = byId('acme-telecom') as AnsweringScript;
  assert.equal(acme.rings, 1);
  assert.deepEqual(acme.facts.caseNumber, { kind: 'pattern', pattern: 'ACM#####' });
});

test('the built-ins cover every kind of line the sandbox promises', () => {
  const has = (what: string, predicate: (script: BusinessScript) => boolean) => assert.ok(scripts.some(predicate), `no built-in has ${what}`);
  const answers = (predicate: (script: AnsweringScript) => boolean) => (script: BusinessScript) => script.pickup === 'answer' && predicate(script);

  has('a menu three levels deep', answers((s) => menuDepth(s, s.start) >= 3));
  has('a speech-only menu', answers((s) => Object.values(s.menus).some((m) => m.options.length > 0 && m.options.every((o) => !o.digit && o.keywords.length > 0))));
  has('an in-band-only keypad menu', answers((s) => Object.values(s.menus).some((m) => m.digits === 'in-band')));
  has('an out-of-band-only menu that collects digits', answers((s) => Object.values(s.menus).some((m) => m.digits === 'out-of-band' && m.collect)));
  has(
    'a long hold with announcements and position messages',
    answers((s) => Object.values(s.departments).some(({ hold }) => hold?.announcements && hold.position && [hold.seconds].flat().every((seconds) => seconds >= 90))),
  );
  has('a transfer from one held department to another', answers((s) => Object.values(s.departments).some((d) => d.hold && d.agent.turns.some((t) => t.to && s.departments[t.to]?.hold))));
  has('verification questions with expected values', answers((s) => turnsOf(s).filter((t) => t.slot?.expected).length >= 3));
  has('an agent who insists on the account holder', answers((s) => turnsOf(s).some((t) => t.replies.some((r) => r.mark === 'account-holder-required' && r.to === 'again'))));
  has('voicemail', answers((s) => s.answeredBy === 'voicemail' && s.voicemail !== undefined));
  has('a busy line', (s) => s.pickup === 'busy');
  has('a line nobody answers', (s) => s.pickup === 'no-answer');
  has('opening hours', answers((s) => s.hours !== undefined && s.expected?.outcome.reached === 'closed'));
  has('a line that drops only the first call', answers((s) => s.drop?.onlyFirstCall === true && s.expected?.outcome.attempts === 2));
  has('a refusal a supervisor overturns', answers((s) => turnsOf(s).some((t) => t.replies.some((r) => r.to === 'supervisor'))));
  has('a callback promised for a date', answers((s) => Object.values(s.facts).some((f) => f.kind === 'date') && s.expected?.outcome.callbackDate === true));
  has('a Spanish-language line', answers((s) => s.language === 'es' && s.voice === 'es'));
  assert.ok(answering.every((s) => s.expected!.outcome.finalStatus === 'completed'));
});

test('scenario:check prints one ok line per valid file and every problem of an invalid one, exiting 1', async () => {
  const builtIn = checkScenarioFiles([BUILT_IN_SCENARIO_DIR]);
  assert.ok(builtIn.ok);
  assert.equal(builtIn.lines.length, scripts.length);
  assert.ok(builtIn.lines.includes('ok: Northwind Power & Light (+18005550104; 3 menus, 3 departments, hold 8-20 s, expected: completed/human via 2 > 3 > 1)'));

  const dir = mkdtempSync(path.join(tmpdir(), 'scenario-check-'));
  try {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: Bad\nnumber: "+18005550199"\nline: { pickup: busy, rings: 0 }\nexpected: { outcome: { finalStatus: busy } }\n');
    const cli = path.join(BUILT_IN_SCENARIO_DIR, 'checkScenario.ts');
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', cli, bad]);
    const failure = await run.then(
      () => assert.fail('scenario:check accepted an invalid file'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failure.code, 1);
    assert.equal(failure.stderr.trim(), `${bad}: line.rings: must be at least 1 (line 3)`);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
