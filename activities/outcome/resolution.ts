import type { CallOutcome } from '../../common/outcome.js';
import type { TranscriptLine } from '../../db/calls.js';
import type { Statement } from './companySpeech.js';

export type Reach = 'person' | 'voicemail' | 'machine';

// Case-sensitive on purpose: a capitalised name after "this is" marks a person introducing themselves.
const PERSON = /\b[Tt]his is [A-Z][a-z]+|\bspeaking with [A-Z][a-z]+|\b[Mm]y name is\b|\b[A-Z][a-z]+ speaking\b|\ble atiende\b|\b[Hh]ow (?:can|may) I help\b|\b[Ww]hat's going on\b/;
const MENU = /\b(?:press|oprima|say or enter|didn't get that)\b/i;
const VOICEMAIL = /\b(?:leave (?:your name|a (?:brief )?message)|after the (?:tone|beep)|voicemail)\b/i;

/** Whether a person answered, or only a voicemail box or an automated menu. */
export function howFarTheCallGot(transcript: TranscriptLine[]): Reach {
  if (transcript.some((l) => l.speaker === 'callee' && PERSON.test(l.text) && !MENU.test(l.text))) return 'person';
  if (transcript.some((l) => l.speaker !== 'agent' && VOICEMAIL.test(l.text))) return 'voicemail';
  // Menus and greetings do not answer the agent; a person does.
  const answered = transcript.some(
    (l, i) => l.speaker === 'callee' && !MENU.test(l.text) && transcript.slice(0, i).some((earlier) => earlier.speaker === 'agent'),
  );
  return answered ? 'person' : 'machine';
}

const GRANTED =
  '(?:refunded|reissued|waived|removed|credited|reversed|cancell?ed|rebooked|fixed|restored|applied|processed|approved|downgraded|upgraded|replaced|suspended|blocked|unlocked|activated|moved|transferred|set up|scheduled|closed)';
const DONE = [
  new RegExp(String.raw`\b(?:I've|I have|we've|we have)\b.*\b${GRANTED}\b`, 'i'),
  new RegExp(String.raw`\b(?:I|we)\s+(?:just\s+|also\s+|already\s+)?${GRANTED}\b`, 'i'),
  /\b(?:I'm|I am|we're|we are)\s+(?:issuing|processing|refunding|waiving|crediting|reversing|removing|cancell?ing)\b/i,
  /\b(?:has|have|'s) been (?:refunded|processed|set up|cancell?ed|credited|waived|downgraded|upgraded|removed|reversed|approved|issued|rebooked|restored|fixed|resolved|replaced)\b/i,
  /\b(?:was|were) (?:approved|issued|refunded|credited|reversed|waived|rebooked)\b/i,
  // Granting on the spot is often said in the future: "I'll remove the roaming charge."
  /\b(?:I'll|I will|we'll|we will)\s+(?:remove|waive|refund|credit|reverse|cancel|rebook)\b/i,
  /^(?:all )?done\b/i,
  /\b(?:you're|you are|she's|she is|he's|he is)\s+(?:confirmed|all set)\b/i,
  /\bwent through\b/i,
];
const PENDING = [
  /\b(?:I've|I have|we've|we have|I'm|I am|we're|we are)\s+(?:also\s+)?(?:opened|opening|filed|filing|created|creating|escalated|escalating|ordering|ordered|forwarded|forwarding)\b/i,
  /\b(?:will|'ll)\s+(?:call|contact|update|email|text)\s+you\b|\bcall you back\b|\bget back to you\b|\bfollow up\b/i,
  /\bneeds? (?:approval|review)\b|\bunder review\b|\binvestigat/i,
  /\b(?:send|schedule|have) a technician\b|\btechnician (?:come|out|visit)/i,
  /\bsend a request\b/i,
];
const REFUSED =
  /\b(?:unable to|can ?not|can't|won't be able|not able to|isn't (?:refundable|eligible|possible|one of)|no,? I'm sorry|nothing (?:more )?(?:I|we) can do|only accept|has to be filed by|have to be submitted|not (?:refundable|eligible))\b/i;

/**
 * yes: what was asked was done on the call; partial: work is under way (a case opened, a visit booked, a callback
 * promised) or something less than asked was granted; no: refused, or nobody reached; unknown: no clear result.
 */
export function judgeResolution(statements: Statement[], reach: Reach, companyPromised: boolean): CallOutcome['resolved'] {
  const said = (patterns: RegExp[]) => statements.some((s) => s.clauses.some((c) => patterns.some((p) => p.test(c))));
  const done = said(DONE);
  if (reach !== 'person') return done ? 'yes' : 'no';
  const pending = said(PENDING);
  if (done && !pending) return 'yes';
  if (pending || companyPromised) return 'partial';
  return statements.some((s) => REFUSED.test(s.sentence)) ? 'no' : 'unknown';
}
