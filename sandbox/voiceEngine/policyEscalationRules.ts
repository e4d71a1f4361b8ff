// When the person on the line cannot go further with us: they need the account holder (bring the
// customer on with `request_user`; what follows is in policyLoopInRules.ts), or they refuse (ask once
// for a supervisor, with `escalate`).
import { ACCOUNT_HOLDER, REFUSAL } from './policyCues.js';
import { REFERENCE_REQUESTS } from './policyPhrases.js';
import { plainText, splitSentences } from './policySentences.js';
import { firstName, hasCalled, partsCall, recordedCaseNumber, saidSoFar, type Rule } from './policyTurn.js';

const ABOUT_A_REFERENCE = /\b(?:case|reference|ticket|confirmation) (?:number|id)|\bnumero de (?:caso|referencia)\b/;

const sentenceMatching = (heard: string, pattern: RegExp) => splitSentences(heard).find((sentence) => pattern.test(plainText(sentence)));

export const fetchAccountHolder: Rule = {
  name: 'fetchAccountHolder',
  apply(turn) {
    const needed = sentenceMatching(turn.heard, ACCOUNT_HOLDER);
    if (!needed) return null;
    const name = firstName(turn.brief, turn.phrases.theCustomer);
    const { loopIn } = turn;
    if (loopIn === 'waiting' || loopIn === 'joined') return { say: turn.phrases.customerJoining(name) };
    if (loopIn !== 'none' || !turn.canCall('request_user')) return { say: turn.phrases.customerUnavailable(name) };
    // Said before the tool call, so the bridge moves the call only once the representative has heard it.
    return {
      say: turn.phrases.bringingCustomerOn(name),
      toolCalls: [{ name: 'request_user', arguments: { reason: `The representative needs the account holder: "${needed}"` } }],
    };
  },
};

export const askForSupervisor: Rule = {
  name: 'askForSupervisor',
  apply(turn, earlierParts) {
    const refusal = sentenceMatching(turn.heard, REFUSAL);
    if (!refusal || partsCall(earlierParts, 'request_user')) return null;
    // Not giving out a reference number is no reason to take the issue higher.
    const askedForReference = saidSoFar(turn.conversation).some((said) => REFERENCE_REQUESTS.has(said));
    if (REFERENCE_REQUESTS.has(saidSoFar(turn.conversation).at(-1) ?? '') || ABOUT_A_REFERENCE.test(plainText(refusal))) return null;
    if (!hasCalled(turn.conversation, 'escalate')) {
      return {
        say: turn.phrases.askForSupervisor,
        toolCalls: [{ name: 'escalate', arguments: { reason: `The representative refused: "${refusal}"` } }],
      };
    }
    // A supervisor was asked for once already; now settle for the refusal on record.
    if (askedForReference || recordedCaseNumber(turn.conversation)) return null;
    return { say: turn.phrases.askToNoteIt };
  },
};
