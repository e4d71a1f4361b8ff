import type { BusinessCallContext, BusinessLine } from '../businesses/business.js';

export type CallDirection = 'outbound-api' | 'inbound';

/** Someone at the far end of a call leg: a business, a person, a scripted caller, or another leg. */
export interface CallParty {
  readonly id: string;
  readonly name: string;
  /** For answering machine detection: `voicemail` is a machine, `people` answer in person. */
  readonly answeredBy?: 'people' | 'voicemail';
  answer(context: BusinessCallContext): BusinessLine;
}
