// How the agent behaves once it has asked for the customer (`request_user`). While the customer is
// being dialled it keeps the representative company without answering for the customer. Once the
// customer is on the line the verification is theirs: the agent speaks only when the representative
// asks what the call is about, gives the outcome, says goodbye, or checks that someone is there.
import { ACCOUNT_HOLDER, HELLO, HELP_OFFER } from './policyCues.js';
import { untoldOfRequest } from './policyLoopInState.js';
import { closeTheCall, readBack } from './policyRules.js';
import { firstName, type ReplyPart, type Rule, type Turn } from './policyTurn.js';

const isHelloOnly = (turn: Turn) => HELLO.test(turn.plain.trim());

const stateIssueForCustomer: Rule = {
  name: 'stateIssueForCustomer',
  apply(turn) {
    if (!HELP_OFFER.test(turn.plain)) return null;
    return { say: turn.phrases.issueForCustomer(turn.brief, firstName(turn.brief, turn.phrases.theCustomer)) };
  },
};

const stillThere: Rule = {
  name: 'stillThere',
  apply: (turn, earlierParts) => (earlierParts.length === 0 && isHelloOnly(turn) ? { say: turn.phrases.stillHere } : null),
};

// "Are you still there?" and "is the patient there yet?" get "they are coming". Questions the customer
// will answer (who is speaking, verification) get silence: a business taking any words for an answer
// would check "Jane is joining the line" against a date of birth.
const customerComing: Rule = {
  name: 'customerComing',
  apply(turn, earlierParts) {
    if (earlierParts.length > 0) return null;
    // The customer was asked for without a word to the representative yet: that word comes first.
    if (untoldOfRequest(turn.conversation)) return answerUserRequest(turn, true);
    const joining = turn.phrases.customerJoining(firstName(turn.brief, turn.phrases.theCustomer));
    if (isHelloOnly(turn)) return { say: `${turn.phrases.stillHere} ${joining}` };
    return ACCOUNT_HOLDER.test(turn.plain) ? { say: joining } : null;
  },
};

/** The customer is being dialled in. Anything not matched is met with silence. */
export const waitingForCustomerRules: readonly Rule[] = [readBack, closeTheCall, customerComing];

/** The customer is on the line. Anything not matched, verification above all, is met with silence. */
export const customerOnTheLineRules: readonly Rule[] = [readBack, stateIssueForCustomer, closeTheCall, stillThere];

/** The word owed after `request_user`: the customer is coming, or cannot come. */
export function answerUserRequest(turn: Pick<Turn, 'brief' | 'phrases'>, reachable: boolean): ReplyPart {
  const name = firstName(turn.brief, turn.phrases.theCustomer);
  return { say: reachable ? turn.phrases.bringingCustomerOn(name) : turn.phrases.customerUnavailable(name) };
}
