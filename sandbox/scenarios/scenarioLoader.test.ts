import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sandboxBusinessDirectory } from '../businesses/sandboxBusinesses.js';
import { loadScenarios, parseScenario, ScenarioLoadError, scenarioDirs } from './scenarioLoader.js';

const FILE = 'sandbox/scenarios/bank.yaml';

const BANK = `name: First Bank
number: "+18005550180"
ivr:
  menus:
    main:
      prompt: For balances, press 1. For cards, press 2. For anything else, press 0.
      options:
        - { digit: "1", to: desk }
        - { digit: "2", to: desk }
        - { digit: "0", to: desk }
departments:
  desk:
    agent:
      turns:
        - say: Hello, how can I help?
        - { say: Goodbye., to: hang-up }
expected:
  path: ["2"]
  outcome: { finalStatus: completed }
`;

function errorsOf(yaml: string): string[] {
  const result = parseScenario(yaml, FILE);
  assert.equal(result.ok, false, 'expected the scenario to be rejected');
  return result.ok ? [] : result.errors;
}

test('a valid file loads, with defaults filled in and the file name as its id', () => {
  const result = parseScenario(BANK, FILE);
  assert.ok(result.ok);
  const script = result.script;
  assert.equal(script.id, 'bank');
  assert.ok(script.pickup === 'answer');
  assert.equal(script.start, 'main');
  assert.equal(script.menus.main.digits, 'either');
  assert.equal(script.menus.main.invalidMessage, "Sorry, that's not a valid option.");
  assert.deepEqual(script.expected?.path, ['2']);
});

test('errors name the file, the path in it, what is wrong and the line', () => {
  assert.deepEqual(errorsOf(BANK.replace('{ digit: "0", to: desk }', '{ digit: "x", to: desk }')), [
    'sandbox/scenarios/bank.yaml: ivr.menus.main.options[2].digit: expected one of 0-9 * # (quote "*" and "#") (line 10)',
  ]);
});

test('a badly named menu says what a name may be made of', () => {
  assert.deepEqual(errorsOf(BANK.replace('    main:', '    mainMenu:')), [
    'sandbox/scenarios/bank.yaml: ivr.menus.mainMenu: the name "mainMenu" is not allowed: expected an id of lower-case letters, digits and dashes (line 6)',
  ]);
});

test('unknown fields list the allowed ones; missing fields say they are required', () => {
  assert.deepEqual(errorsOf(BANK.replace('prompt:', 'promt:')), [
    'sandbox/scenarios/bank.yaml: ivr.menus.main.prompt: is required (line 6)',
    'sandbox/scenarios/bank.yaml: ivr.menus.main: unknown field "promt" (allowed: greeting, prompt, voice, digits, timeoutSeconds, repeats, invalidMessage, noInputMessage, options, collect, unrecognizedSpeech, onFailure, ignoresFirstPress) (line 6)',
  ]);
});

test('an unquoted phone number (YAML reads it as a number) is explained', () => {
  assert.deepEqual(errorsOf(BANK.replace('"+18005550180"', '18005550180')), [
    'sandbox/scenarios/bank.yaml: number: expected an E.164 number in quotes, e.g. "+18005550123" (line 2)',
  ]);
});

test('references are checked: places, facts in lines, the last turn, the expected path', () => {
  const broken = BANK.replace('{ digit: "1", to: desk }', '{ digit: "1", to: loans }')
    .replace('Hello, how can I help?', 'Hello, your case is {caseNumber}.')
    .replace('{ say: Goodbye., to: hang-up }', '{ say: Goodbye. }')
    .replace('path: ["2"]', 'path: ["2", "4"]');
  assert.deepEqual(errorsOf(broken), [
    'sandbox/scenarios/bank.yaml: ivr.menus.main.options[0].to: unknown place "loans" (expected one of main, desk, hang-up, repeat) (line 8)',
    'sandbox/scenarios/bank.yaml: departments.desk.agent.turns[1]: the last turn must say where the call goes next (`to: hang-up`, or a department or menu) (line 16)',
    'sandbox/scenarios/bank.yaml: expected.path[1]: the path has already left the menus (at desk), so "4" cannot be chosen (line 18)',
  ]);
  const unknownFact = errorsOf(BANK.replace('Hello, how can I help?', 'Hello, your case is {caseNumber}.'));
  assert.deepEqual(unknownFact, ['sandbox/scenarios/bank.yaml: departments.desk.agent.turns[0].say[0]: uses {caseNumber}, which is not a fact (facts: none) (line 15)']);
});

test('YAML syntax errors and bad opening hours are reported with their line', () => {
  const [syntax] = errorsOf(BANK.replace('  menus:', '  menus: [oops'));
  assert.match(syntax, /^sandbox\/scenarios\/bank\.yaml: line \d+: /);
  const hours = BANK.replace('ivr:', 'hours:\n  open: { mon-fri: "9 to 5" }\n  closedMessage: Closed.\nivr:');
  assert.deepEqual(errorsOf(hours), ['sandbox/scenarios/bank.yaml: hours.open.mon-fri: expected opening times such as "09:00-17:00", got "9 to 5" (line 4)']);
});

test('extra scenario folders load next to the built-in ones; clashing numbers are refused', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'scenarios-'));
  try {
    writeFileSync(path.join(dir, 'bank.yaml'), BANK);
    const directory = sandboxBusinessDirectory([dir]);
    assert.equal(directory.find('+18005550180')?.name, 'First Bank');
    assert.equal(directory.find('+18005550101')?.name, 'Acme Telecom');

    writeFileSync(path.join(dir, 'acme-copy.yaml'), BANK.replace('+18005550180', '+18005550101').replace('First Bank', 'Copy'));
    assert.throws(
      () => loadScenarios(scenarioDirs(`${dir}:`)),
      (error: unknown) =>
        error instanceof ScenarioLoadError && error.problems.length === 1 && /acme-copy\.yaml: number \+18005550101 is already used by sandbox\/scenarios\/acme-telecom\.yaml$/.test(error.problems[0]),
    );
  } finally {
    rmSync(dir, { recursive: true });
  }
});
