import { HANG_UP, VOICEMAIL, type AnsweringScript } from './businessScript.js';
import { positionMessages } from './holdStage.js';

export interface ScriptLine {
  template: string;
  voice: string;
  /**
   * A position message template may also use {position} and {minutes}, known only during the hold;
   * its variants are listed as plain lines after it.
   */
  kind: 'line' | 'position';
  /** Where the line is, for error messages: "departments.billing.agent.turns[2].say[0]". */
  where: string;
}

/**
 * Every line a business can say, nearest to pickup first (breadth-first from the start place, then
 * places nothing leads to), so synthesizing them in this order readies the first words first.
 */
export function scriptLines(script: AnsweringScript): ScriptLine[] {
  const lines: ScriptLine[] = [];
  const add = (template: string | undefined, voice: string, where: string, kind: ScriptLine['kind'] = 'line') => {
    if (template !== undefined) lines.push({ template, voice, kind, where });
  };
  const addAll = (templates: readonly string[], voice: string, where: string) => templates.forEach((template, i) => add(template, voice, `${where}[${i}]`));
  if (script.hours) add(script.hours.closedMessage, script.voice, 'hours.closedMessage');

  const everyPlace = [script.start, ...Object.keys(script.menus), ...Object.keys(script.departments), VOICEMAIL];
  const queue: string[] = [];
  const seen = new Set<string>();
  const visit = (place: string) => {
    if (!seen.has(place)) queue.push(place);
  };
  while (queue.length > 0 || everyPlace.length > 0) {
    if (queue.length === 0) visit(everyPlace.shift()!);
    const place = queue.shift();
    if (place === undefined || seen.has(place) || place === HANG_UP) continue;
    seen.add(place);
    const menu = script.menus[place];
    const department = script.departments[place];
    if (place === VOICEMAIL && script.voicemail) {
      const { voice, greeting, goodbye } = script.voicemail;
      add(greeting, voice, 'voicemail.greeting');
      add(goodbye, voice, 'voicemail.goodbye');
    } else if (menu) {
      const where = `ivr.menus.${place}`;
      add(menu.greeting, menu.voice, `${where}.greeting`);
      add(menu.prompt, menu.voice, `${where}.prompt`);
      add(menu.invalidMessage, menu.voice, `${where}.invalidMessage`);
      add(menu.noInputMessage, menu.voice, `${where}.noInputMessage`);
      menu.options.forEach((option, i) => {
        add(option.say, menu.voice, `${where}.options[${i}].say`);
        visit(option.to);
      });
      if (menu.collect) visit(menu.collect.to);
      add(menu.onFailure.say, menu.voice, `${where}.onFailure.say`);
      visit(menu.onFailure.to);
    } else if (department) {
      const where = `departments.${place}`;
      const { hold, agent } = department;
      if (hold) {
        add(hold.greeting, hold.voice, `${where}.hold.greeting`);
        if (hold.position) {
          add(hold.position.message, hold.voice, `${where}.hold.position.message`, 'position');
          for (const message of positionMessages(hold)) add(message, hold.voice, `${where}.hold.position.message`);
        }
        if (hold.announcements) addAll(hold.announcements.lines, hold.voice, `${where}.hold.announcements.lines`);
      }
      agent.turns.forEach((turn, i) => {
        const at = `${where}.agent.turns[${i}]`;
        addAll(turn.say, agent.voice, `${at}.say`);
        if (turn.to) visit(turn.to);
        turn.replies.forEach((reply, r) => {
          addAll(reply.say, agent.voice, `${at}.replies[${r}].say`);
          visit(reply.to);
        });
        if (turn.slot) {
          addAll(turn.slot.onMismatch.say, agent.voice, `${at}.slot.onMismatch.say`);
          add(turn.slot.onMismatch.giveUp, agent.voice, `${at}.slot.onMismatch.giveUp`);
          visit(turn.slot.onMismatch.to);
        }
      });
      add(agent.silence.reprompt, agent.voice, `${where}.agent.silence.reprompt`);
      add(agent.silence.giveUp, agent.voice, `${where}.agent.silence.giveUp`);
    }
  }
  return lines;
}
