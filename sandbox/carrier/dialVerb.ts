import { CONFERENCE_BEEPS, isConferenceBeep, type ConferenceBeep } from './conferenceBeep.js';
import type { MemberSettings } from './conferenceRoom.js';
import { TwimlFailure } from './twimlFailure.js';
import { childElements, textOf, type XmlElement } from './twimlParser.js';

export interface ConferenceInstruction extends MemberSettings {
  /** The room's friendly name: legs dialling the same name meet in the same room. */
  name: string;
}

export type DialTarget = { kind: 'conference'; conference: ConferenceInstruction } | { kind: 'unsupported'; what: string };

const MAX_ROOM_NAME = 128;

function flag(element: XmlElement, attribute: string, fallback: boolean): boolean {
  const raw = element.attributes[attribute];
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false') throw new TwimlFailure({ code: 12100, message: `<${element.name} ${attribute}="${raw}"> must be true or false` });
  return raw === 'true';
}

function beep(element: XmlElement): ConferenceBeep {
  const raw = element.attributes.beep ?? 'true';
  if (!isConferenceBeep(raw)) throw new TwimlFailure({ code: 12100, message: `<Conference beep="${raw}"> must be one of ${CONFERENCE_BEEPS.join(', ')}` });
  return raw;
}

/** What a `<Dial>` dials. Only `<Conference>` is carried out by the sandbox; numbers, clients, SIP... are not. */
export function dialTarget(dial: XmlElement): DialTarget {
  const nouns = childElements(dial);
  if (nouns.length === 0) return { kind: 'unsupported', what: textOf(dial) ? `<Dial>${textOf(dial)}</Dial> (a phone number)` : 'an empty <Dial>' };
  const [noun, ...others] = nouns;
  if (noun.name !== 'Conference') return { kind: 'unsupported', what: `<Dial><${noun.name}>` };
  if (others.length > 0) throw new TwimlFailure({ code: 12100, message: '<Dial><Conference> must be the only noun of its <Dial>' });
  const name = textOf(noun);
  if (!name || name.length > MAX_ROOM_NAME) throw new TwimlFailure({ code: 12100, message: `<Conference> needs a room name of 1 to ${MAX_ROOM_NAME} characters` });
  return {
    kind: 'conference',
    conference: {
      name,
      muted: flag(noun, 'muted', false),
      startConferenceOnEnter: flag(noun, 'startConferenceOnEnter', true),
      endConferenceOnExit: flag(noun, 'endConferenceOnExit', false),
      beep: beep(noun),
    },
  };
}
