import type { Logger } from '../common/logger.js';
import type { Telephony } from '../telephony/telephony.js';
import type { MediaUpdate } from '../workflows/callSignals.js';
import { UserLoopIn, type LoopInSettings } from './userLoopIn.js';

/** What looping the user in needs from the call session. */
export interface LoopInHost {
  /** Adds a note to the model's conversation; `respond` lets it speak about it. */
  tellModel(text: string, respond?: boolean): void;
  lineEvent(type: MediaUpdate['type'], detail: string): void;
  /** A line in the transcript about the call itself. */
  system(text: string): void;
  /** Resolves once the agent has finished saying what it is saying (or after a while). */
  agentDoneSpeaking(): Promise<void>;
  isOver(): boolean;
}

export interface LoopInCall {
  callId: string;
  /** The leg to the business, which moves into the conference. */
  callSid: string;
  voiceUrl: string;
  userName: string | null;
}

const CANNOT_REACH = 'ask whether they can help without the customer or when to call back';

/**
 * The conversation side of bringing the user onto a call: answers the model's request_user, lets the
 * agent announce it, runs the carrier steps (`UserLoopIn`) and keeps the model told: the customer's phone is
 * ringing, they joined (stay quiet while they speak), they did not answer, they left.
 */
export class LoopInFlow {
  /** none -> moving (the call is being put into a conference) -> in (the agent's conference leg is attached). */
  private state: 'none' | 'moving' | 'in' = 'none';

  constructor(
    private readonly settings: LoopInSettings | undefined,
    private readonly telephony: Telephony,
    private readonly call: LoopInCall,
    private readonly host: LoopInHost,
    private readonly log: Logger,
  ) {}

  /** The call is (being) moved into a conference: its business leg must not be redirected. */
  get active(): boolean {
    return this.state !== 'none';
  }

  /** The model called request_user: the tool's answer, and the loop-in started behind it. */
  request(reason: string): { ok: boolean; note: string } {
    this.host.lineEvent('user-needed', reason);
    this.host.system(`The agent needs you on this call: ${reason}`);
    if (!this.settings || this.state !== 'none') {
      return { ok: false, note: `The customer cannot be reached by phone now. Tell the representative, and ${CANNOT_REACH}.` };
    }
    void this.run(this.settings);
    return { ok: true, note: 'Tell the representative you are bringing the customer onto the line now, then stay quiet.' };
  }

  /** A media stream attached: while moving, it is the agent's conference leg. */
  streamAttached(): void {
    if (this.state !== 'moving') return;
    this.state = 'in';
    this.host.tellModel("[You are back on the call, now a conference line. The customer's phone is ringing; if the representative speaks, tell them the customer will join in a moment.]");
  }

  private async run(settings: LoopInSettings): Promise<void> {
    await this.host.agentDoneSpeaking();
    if (this.host.isOver()) return;
    const loopIn = new UserLoopIn(this.telephony, settings, this.call.callId, this.call.callSid);
    this.state = 'moving';
    try {
      await loopIn.start();
    } catch (err) {
      this.log.warn('looping the user in failed', { error: (err as Error).message });
      this.state = 'none';
      await loopIn.returnToStream(this.call.voiceUrl).catch(() => undefined);
      this.host.lineEvent('user-unreachable', 'the call could not be put through to your phone');
      return this.host.tellModel(`[The customer could not be connected. Tell the representative, and ${CANNOT_REACH}.]`, true);
    }
    for await (const state of loopIn.userLeg(() => this.host.isOver())) {
      if (state === 'joined') {
        this.host.lineEvent('user-joined', 'you joined the call');
        this.host.system('You joined the call.');
        this.host.tellModel(
          `[The customer (${this.call.userName ?? 'the customer'}) is now on the line and will speak for themselves. Stay quiet while they and the representative talk. ` +
            'Speak again when the representative addresses you, asks what the call is about, or gives the outcome.]',
        );
      } else if (state === 'unreachable') {
        this.host.lineEvent('user-unreachable', 'you did not answer');
        this.host.tellModel(`[The customer did not answer their phone. Tell the representative, and ${CANNOT_REACH}.]`, true);
      } else {
        this.host.lineEvent('user-left', 'you left the call');
        this.host.tellModel('[The customer has left the call. Carry on with the representative.]');
      }
    }
  }
}
