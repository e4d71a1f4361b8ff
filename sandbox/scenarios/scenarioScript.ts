import type { AgentScript, AnsweringScript, BusinessScript, MenuScript, ScenarioExpectation } from '../businesses/businessScript.js';
import { DEFAULT_MAX_REPROMPTS, DEFAULT_REPROMPT_AFTER_SECONDS, LANGUAGE_DEFAULTS } from './languageDefaults.js';
import { parseOpeningTimes } from './openingTimes.js';
import { defaultStart, optionId } from './scenarioChecks.js';
import type { Scenario, ScenarioMenu } from './scenarioSchema.js';

/** A checked scenario as the business runtime's data, every default filled in. */
export function toBusinessScript(scenario: Scenario, fallbackId: string): BusinessScript {
  const identity = {
    id: scenario.id ?? fallbackId,
    name: scenario.name,
    number: scenario.number,
    ...(scenario.description ? { description: scenario.description } : {}),
    expected: expectation(scenario),
  };
  const { pickup } = scenario.line;
  if (pickup === 'busy' || pickup === 'no-answer') return { ...identity, pickup };

  const defaults = LANGUAGE_DEFAULTS[scenario.language];
  const voice = scenario.voice ?? defaults.voice;
  const ivr = scenario.ivr;
  const menuVoice = ivr?.voice ?? voice;
  const menu = (id: string, source: ScenarioMenu): MenuScript => ({
    id,
    voice: source.voice ?? menuVoice,
    ...(source.greeting ? { greeting: source.greeting } : {}),
    prompt: source.prompt,
    digits: source.digits ?? ivr!.digits,
    timeoutSeconds: source.timeoutSeconds ?? ivr!.timeoutSeconds,
    repeats: source.repeats ?? ivr!.repeats,
    invalidMessage: source.invalidMessage ?? ivr!.invalidMessage ?? defaults.invalidMessage,
    noInputMessage: source.noInputMessage ?? ivr!.noInputMessage ?? defaults.noInputMessage,
    options: (source.options ?? []).map((option) => ({ ...option, id: optionId(option) })),
    ...(source.collect ? { collect: source.collect } : {}),
    ...(source.unrecognizedSpeech ? { unrecognizedSpeech: source.unrecognizedSpeech } : {}),
    onFailure: source.onFailure ?? { say: defaults.menuFailure, to: 'hang-up' },
    ...(source.ignoresFirstPress ? { ignoresFirstPress: true } : {}),
  });
  const hours = scenario.hours;
  const weekly = hours ? parseOpeningTimes(hours.open) : undefined;
  if (weekly && 'message' in weekly) throw new Error(`hours.open.${weekly.key}: ${weekly.message}`);

  const script: AnsweringScript = {
    ...identity,
    pickup: 'answer',
    answeredBy: pickup === 'voicemail' ? 'voicemail' : 'people',
    rings: scenario.line.rings,
    language: scenario.language,
    timeZone: scenario.timezone,
    voice,
    facts: scenario.facts,
    ...(hours && weekly ? { hours: { weekly: weekly.weekly, closedMessage: hours.closedMessage } } : {}),
    ...(scenario.line.dropAfterSeconds !== undefined
      ? { drop: { afterSeconds: scenario.line.dropAfterSeconds, onlyFirstCall: scenario.line.dropOnlyFirstCall } }
      : {}),
    start: scenario.start ?? defaultStart(scenario)!,
    menus: Object.fromEntries(Object.entries(ivr?.menus ?? {}).map(([id, source]) => [id, menu(id, source)])),
    departments: Object.fromEntries(
      Object.entries(scenario.departments).map(([id, department]) => [
        id,
        {
          id,
          ...(department.hold ? { hold: { ...department.hold, voice: department.hold.voice ?? menuVoice } } : {}),
          agent: agentScript(department.agent, voice, scenario.language),
        },
      ]),
    ),
    ...(scenario.voicemail ? { voicemail: { ...scenario.voicemail, voice: scenario.voicemail.voice ?? voice } } : {}),
  };
  return script;
}

function agentScript(agent: Scenario['departments'][string]['agent'], businessVoice: string, language: Scenario['language']): AgentScript {
  const defaults = LANGUAGE_DEFAULTS[language];
  return {
    ...(agent.name ? { name: agent.name } : {}),
    voice: agent.voice ?? businessVoice,
    turns: agent.turns.map((turn) => ({
      say: turn.say,
      ...(turn.to ? { to: turn.to } : {}),
      ...(turn.mark ? { mark: turn.mark } : {}),
      ...(turn.slot
        ? {
            slot: {
              name: turn.slot.name,
              kind: turn.slot.kind,
              ...(turn.slot.expected ? { expected: turn.slot.expected } : {}),
              onMismatch: turn.slot.onMismatch ?? { say: [], retries: 0, to: 'next' },
            },
          }
        : {}),
      replies: turn.replies.map((reply) => ({ ...reply, say: reply.say ?? [] })),
    })),
    silence: {
      repromptAfterMs: (agent.silence.afterSeconds ?? DEFAULT_REPROMPT_AFTER_SECONDS) * 1000,
      reprompt: agent.silence.reprompt ?? defaults.reprompt,
      maxReprompts: agent.silence.maxReprompts ?? DEFAULT_MAX_REPROMPTS,
      giveUp: agent.silence.giveUp ?? defaults.giveUp,
    },
  };
}

function expectation(scenario: Scenario): ScenarioExpectation {
  const { issue, callerFacts, path, outcome, notes } = scenario.expected;
  return { ...(issue ? { issue } : {}), ...(callerFacts ? { callerFacts } : {}), path, outcome, ...(notes ? { notes } : {}) };
}
