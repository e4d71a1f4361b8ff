// Rules for the machinery in front of the people: closed-hours messages, voicemail greetings, phone
// menus, keypad prompts and hold queues. These are not conversations, so the first rule that matches
// decides alone and the agent never chats with a recording.
import { CLOSED, HOLD, isHoldAnnouncement, isVoicemailGreeting, personIntroduces } from './policyCues.js';
import { factsMentioned, kindOf } from './policyFacts.js';
import { isHolding } from './policyHold.js';
import { menuOptions } from './policyMenu.js';
import { chooseMenuOption } from './policyMenuChoice.js';
import { failedMenuChoice, menuHeardBefore } from './policyMenuHistory.js';
import { plainText, splitSentences } from './policySentences.js';
import { needOf } from './policyTopics.js';
import { hasCalled, saidSoFar, STAY_SILENT, type Rule } from './policyTurn.js';

const MENU_COMPLETE =
  /\b(?:to (?:repeat|hear) (?:this|these|the|our) (?:menu|options|message)|(?:repeat|hear) (?:this|these|the) (?:menu|options) again|please make (?:your|a) selection|otherwise|para (?:repetir|escuchar)|para volver a escuchar)\b/;
const OFFERS_TO_STAY =
  /\b(?:(?:stay|remain|continue to hold) on the line|(?:or|otherwise),? (?:please )?(?:stay|remain|hold)\b|(?:permanezca|mantengase|siga) en (?:la )?linea)/;
const KEYPAD_PROMPT = /\b(?:enter|key in|type in|input|using (?:your|the) (?:telephone |phone )?keypad|ingrese|digite|teclee|marque)\b/;
const POUND_KEY = /\b(?:pound|hash|numeral|almohadilla|gato)\b|#/;

const closedLine: Rule = {
  name: 'closedLine',
  apply(turn) {
    if (!CLOSED.test(turn.plain) || personIntroduces(turn.plain)) return null;
    if (hasCalled(turn.conversation, 'end_call')) return STAY_SILENT;
    return { toolCalls: [{ name: 'end_call', arguments: { reason: 'closed' } }] };
  },
};

// Speaks when the greeting ends, which is when its beep has played. A beep heard as a turn of its own
// cuts a message already under way, so the message is left again from the start.
const leaveVoicemail: Rule = {
  name: 'leaveVoicemail',
  apply(turn) {
    if (!turn.heardSoFar.some((heard) => isVoicemailGreeting(plainText(heard)))) return null;
    if (hasCalled(turn.conversation, 'end_call')) return null;
    // Greetings ask for "the reason for your call" too; only a later turn can be someone picking up.
    if (!isVoicemailGreeting(turn.plain) && personIntroduces(turn.plain)) return null;
    const phone = turn.brief?.facts.find((fact) => kindOf(fact)?.id === 'phone')?.value ?? null;
    const message = turn.phrases.voicemail(turn.brief, phone);
    if (saidSoFar(turn.conversation).includes(message)) return STAY_SILENT;
    return { say: message, toolCalls: [{ name: 'end_call', arguments: { reason: 'voicemail' } }] };
  },
};

const enterOnKeypad: Rule = {
  name: 'enterOnKeypad',
  apply(turn) {
    if (!KEYPAD_PROMPT.test(turn.plain) || !turn.canCall('press_digits')) return null;
    const asked = factsMentioned(turn.heard, turn.brief?.facts ?? []);
    const fact = asked.known.find((candidate) => /\d/.test(candidate.value));
    if (!fact) return null;
    const digits = fact.value.replace(/\D/g, '') + (POUND_KEY.test(turn.plain) ? '#' : '');
    return { toolCalls: [{ name: 'press_digits', arguments: { digits } }] };
  },
};

const answerMenu: Rule = {
  name: 'answerMenu',
  apply(turn) {
    const options = menuOptions(turn.heard);
    if (options.length === 0) return null;
    const choice = chooseMenuOption({
      options,
      need: needOf(turn.brief),
      complete: MENU_COMPLETE.test(turn.plain) || menuHeardBefore(options, turn.conversation),
      offersToStay: OFFERS_TO_STAY.test(turn.plain),
      failedChoice: failedMenuChoice(options, turn.conversation),
      canPress: turn.canCall('press_digits'),
      language: turn.language,
    });
    switch (choice.action) {
      case 'press':
        return { toolCalls: [{ name: 'press_digits', arguments: { digits: choice.digits } }] };
      case 'say':
        return { say: choice.words };
      case 'wait':
        return STAY_SILENT;
      case 'stay':
        // Staying on the line is the choice; a queue saying so is put on hold by the next rule.
        return HOLD.test(turn.plain) ? null : STAY_SILENT;
    }
  },
};

const waitOnHold: Rule = {
  name: 'waitOnHold',
  apply(turn) {
    if (!isHoldAnnouncement(turn.plain)) return null;
    if (isHolding(turn.conversation)) return STAY_SILENT;
    // "Can I put you on a brief hold?" deserves a yes; a recording does not.
    const askedUs = splitSentences(turn.heard).some((sentence) => HOLD.test(plainText(sentence)) && sentence.trim().endsWith('?'));
    return { ...(askedUs ? { say: turn.phrases.sure } : {}), toolCalls: [{ name: 'wait_on_hold', arguments: {} }] };
  },
};

export const lineRules: readonly Rule[] = [closedLine, leaveVoicemail, enterOnKeypad, answerMenu, waitOnHold];
