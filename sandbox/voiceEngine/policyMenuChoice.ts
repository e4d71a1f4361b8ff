// Which menu option to take: the one that fits the brief; failing that, once the whole menu is known,
// a way to a person; never the choice that just brought the same menu back.
import type { Language } from './policyLanguage.js';
import type { MenuOption } from './policyMenu.js';
import { foldAccents } from './policySentences.js';
import { relevance, type Need } from './policyTopics.js';

export type MenuChoice =
  | { action: 'press'; digits: string }
  | { action: 'say'; words: string }
  /** Unsure, or the menu was cut off: let it play again. */
  | { action: 'wait' }
  /** Nothing fits, and the prompt offers staying on the line: do nothing and stay. */
  | { action: 'stay' };

export interface MenuSituation {
  options: readonly MenuOption[];
  need: Need;
  /** The menu was heard before, or the prompt said it was complete ("to repeat these options..."). */
  complete: boolean;
  offersToStay: boolean;
  /** What we chose ("1" or a keyword) when this same menu played last: it did not get us anywhere. */
  failedChoice: string | null;
  canPress: boolean;
  language: Language;
}

const NEVER_USEFUL =
  /\b(?:repeat|hear (?:these|the|this|our) (?:options|menu)|main menu|previous menu|go back|return to|spanish|espanol|extension|directory|dial by name|repetir|menu (?:principal|anterior)|directorio)\b/;
const TO_A_PERSON =
  /\b(?:representative|agent|operator|associate|customer (?:service|care|support)|(?:live )?(?:person|human|someone)|all other|other (?:questions|inquiries|enquiries|matters|requests)|everything else|team member|representante|agente|operador|operadora|asesor|asesora|atencion al cliente|servicio al cliente|otras consultas|otras preguntas)\b/;
// The brief is in English: a line that offers English is taken up on it.
const ENGLISH = /\b(?:english|ingles)\b/;
const ASK_FOR_A_PERSON: Record<Language, string> = { en: 'representative', es: 'representante' };

const folded = (text: string) => foldAccents(text).toLowerCase();
const choiceOf = (option: MenuOption) => option.digits ?? option.keyword ?? '';

function act(option: MenuOption, canPress: boolean): MenuChoice | null {
  if (option.digits !== null && canPress) return { action: 'press', digits: option.digits };
  if (option.keyword !== null) return { action: 'say', words: option.keyword };
  return null;
}

export function chooseMenuOption(situation: MenuSituation): MenuChoice {
  const { canPress, need } = situation;
  const usable = situation.options.flatMap((option, index) => {
    const label = folded(option.label);
    const choice = act(option, canPress);
    if (!choice || NEVER_USEFUL.test(label) || choiceOf(option) === situation.failedChoice) return [];
    return [{ choice, index, label, score: relevance(option.label, need), toPerson: TO_A_PERSON.test(label) }];
  });
  const english = usable.find((candidate) => ENGLISH.test(candidate.label));
  if (english) return english.choice;

  const fitting = usable
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || Number(a.toPerson) - Number(b.toPerson) || a.index - b.index);
  if (fitting.length > 0) return fitting[0].choice;

  const toPerson = usable.find((candidate) => candidate.toPerson);
  if (toPerson && (situation.complete || situation.offersToStay)) return toPerson.choice;
  if (situation.offersToStay) return { action: 'stay' };
  if (!situation.complete) return { action: 'wait' };

  // No way to a person is listed: 0 reaches the operator on most keypad menus; speech menus take the word.
  const keypad = situation.options.some((option) => option.digits !== null);
  const zeroTaken = situation.options.some((option) => option.digits === '0');
  if (keypad && canPress && !zeroTaken && situation.failedChoice !== '0') return { action: 'press', digits: '0' };
  const ask = ASK_FOR_A_PERSON[situation.language];
  if (!keypad && situation.failedChoice !== ask) return { action: 'say', words: ask };
  return { action: 'wait' };
}
