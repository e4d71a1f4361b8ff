import { HANG_UP, NEXT_TURN, REPEAT_MENU, SAME_TURN, VOICEMAIL } from '../businesses/businessScript.js';
import { parseOpeningTimes } from './openingTimes.js';
import type { Scenario, ScenarioMenu } from './scenarioSchema.js';

export type IssuePath = Array<string | number>;

export interface ScenarioIssue {
  path: IssuePath;
  message: string;
}

const RESERVED = new Set([HANG_UP, VOICEMAIL, REPEAT_MENU, NEXT_TURN, SAME_TURN]);

/** The option id used in menu paths: its digit, or its first keyword when it has no digit. */
export function optionId(option: { digit?: string; keywords: string[] }): string {
  return option.digit ?? option.keywords[0];
}

/** Where a call goes after pickup when the file does not say. */
export function defaultStart(scenario: Scenario): string | undefined {
  if (scenario.line.pickup === 'voicemail') return VOICEMAIL;
  return Object.keys(scenario.ivr?.menus ?? {})[0] ?? Object.keys(scenario.departments)[0];
}

/**
 * What the schema cannot see field by field: every `to` names a place that exists, menus are
 * well-formed, agents end somewhere, and the ground truth path can be walked through the menus.
 */
export function checkScenario(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = (path: IssuePath, message: string) => issues.push({ path, message });
  const menus = scenario.ivr?.menus ?? {};
  const departments = scenario.departments;
  const { pickup } = scenario.line;

  if (pickup === 'busy' || pickup === 'no-answer') {
    const never = `not used: the line is ${pickup === 'busy' ? 'busy' : 'never answered'}`;
    for (const field of ['ivr', 'voicemail', 'hours', 'start'] as const) if (scenario[field] !== undefined) issue([field], never);
    if (Object.keys(departments).length > 0) issue(['departments'], never);
    if (scenario.line.dropAfterSeconds !== undefined) issue(['line', 'dropAfterSeconds'], never);
    if (scenario.expected.outcome.finalStatus !== pickup) issue(['expected', 'outcome', 'finalStatus'], `a ${pickup} line always ends ${pickup}`);
    return issues;
  }
  if (pickup === 'voicemail' && !scenario.voicemail) {
    issue(['voicemail'], 'is required when line.pickup is voicemail');
    return issues;
  }
  if (scenario.hours) {
    const parsed = parseOpeningTimes(scenario.hours.open);
    if ('message' in parsed) issue(['hours', 'open', parsed.key], parsed.message);
  }

  for (const menuId of Object.keys(menus)) {
    if (RESERVED.has(menuId)) issue(['ivr', 'menus', menuId], `"${menuId}" is reserved; pick another id`);
    if (departments[menuId]) issue(['departments', menuId], `"${menuId}" is also a menu id; menus and departments share one set of names`);
  }
  for (const departmentId of Object.keys(departments)) {
    if (RESERVED.has(departmentId)) issue(['departments', departmentId], `"${departmentId}" is reserved; pick another id`);
  }

  const places = [...Object.keys(menus), ...Object.keys(departments), HANG_UP, ...(scenario.voicemail ? [VOICEMAIL] : [])];
  const placeList = places.join(', ');
  const checkPlace = (path: IssuePath, to: string, extra: readonly string[] = []) => {
    if (!places.includes(to) && !extra.includes(to)) {
      const allowed = extra.length > 0 ? `${placeList}, ${extra.join(', ')}` : placeList;
      issue(path, `unknown place "${to}" (expected one of ${allowed})`);
    }
  };

  const start = scenario.start ?? defaultStart(scenario);
  if (start === undefined) issue([], 'an answering line needs ivr menus or departments to send calls to (or `start: voicemail`)');
  else if (start === HANG_UP) issue(['start'], 'a call cannot start by hanging up');
  else checkPlace(['start'], start);

  for (const [menuId, menu] of Object.entries(menus)) checkMenu(['ivr', 'menus', menuId], menu, issue, checkPlace);

  for (const [departmentId, department] of Object.entries(departments)) {
    const turns = department.agent.turns;
    turns.forEach((turn, index) => {
      const at: IssuePath = ['departments', departmentId, 'agent', 'turns', index];
      const last = index === turns.length - 1;
      const turnPlaces = last ? [SAME_TURN] : [NEXT_TURN, SAME_TURN];
      if (turn.to !== undefined) checkPlace([...at, 'to'], turn.to);
      else if (last) issue(at, 'the last turn must say where the call goes next (`to: hang-up`, or a department or menu)');
      turn.replies.forEach((reply, r) => {
        if (reply.to === NEXT_TURN && last) issue([...at, 'replies', r, 'to'], 'there is no next turn after the last one');
        else checkPlace([...at, 'replies', r, 'to'], reply.to, turnPlaces);
      });
      if (turn.to !== undefined && (turn.replies.length > 0 || turn.slot)) {
        issue(at, 'a turn with `to` moves on without listening, so it cannot have replies or a slot');
      }
      const mismatchTo = turn.slot?.onMismatch?.to;
      if (mismatchTo === NEXT_TURN && last) issue([...at, 'slot', 'onMismatch', 'to'], 'there is no next turn after the last one');
      else if (mismatchTo !== undefined) checkPlace([...at, 'slot', 'onMismatch', 'to'], mismatchTo, [NEXT_TURN]);
      if (turn.slot?.onMismatch && !turn.slot.expected) issue([...at, 'slot', 'onMismatch'], 'needs `expected` values to mismatch');
    });
  }

  if (start !== undefined) checkPath(scenario, start, issue);
  return issues;
}

function checkMenu(
  at: IssuePath,
  menu: ScenarioMenu,
  issue: (path: IssuePath, message: string) => void,
  checkPlace: (path: IssuePath, to: string, extra?: readonly string[]) => void,
): void {
  const options = menu.options ?? [];
  if ((menu.options === undefined) === (menu.collect === undefined)) issue(at, 'a menu has either `options` or `collect`');
  const seenDigits = new Map<string, number>();
  options.forEach((option, index) => {
    if (option.digit === undefined && option.keywords.length === 0) issue([...at, 'options', index], 'an option needs a `digit`, `keywords` or both');
    if (option.digit !== undefined) {
      const earlier = seenDigits.get(option.digit);
      if (earlier !== undefined) issue([...at, 'options', index, 'digit'], `"${option.digit}" is already options[${earlier}]`);
      seenDigits.set(option.digit, index);
    }
    checkPlace([...at, 'options', index, 'to'], option.to, [REPEAT_MENU]);
  });
  if (menu.collect) {
    checkPlace([...at, 'collect', 'to'], menu.collect.to);
    if (menu.collect.expected !== undefined && menu.collect.length !== undefined && menu.collect.expected.length !== menu.collect.length) {
      issue([...at, 'collect', 'expected'], `has ${menu.collect.expected.length} digits but length is ${menu.collect.length}`);
    }
  }
  if (menu.unrecognizedSpeech !== undefined && !options.some((option) => optionId(option) === menu.unrecognizedSpeech)) {
    issue([...at, 'unrecognizedSpeech'], `no option "${menu.unrecognizedSpeech}" (expected one of ${options.map(optionId).join(', ')})`);
  }
  if (menu.onFailure) checkPlace([...at, 'onFailure', 'to'], menu.onFailure.to);
}

/** The ground-truth path must be a walk through the menus from the start place. */
function checkPath(scenario: Scenario, start: string, issue: (path: IssuePath, message: string) => void): void {
  const menus = scenario.ivr?.menus ?? {};
  let place = start;
  for (const [index, choice] of scenario.expected.path.entries()) {
    const at = ['expected', 'path', index];
    const menu = menus[place];
    if (!menu) {
      issue(at, `the path has already left the menus (at ${place}), so "${choice}" cannot be chosen`);
      return;
    }
    const options = menu.options ?? [];
    const option = options.find((candidate) => optionId(candidate) === choice);
    if (!option) {
      issue(at, `"${choice}" is not an option of menu ${place} (expected one of ${options.map(optionId).join(', ')})`);
      return;
    }
    if (option.to !== REPEAT_MENU) place = option.to;
  }
}
