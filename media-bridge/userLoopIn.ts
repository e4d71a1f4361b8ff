import type { Telephony } from '../telephony/telephony.js';
import { redirectTwiml } from '../telephony/twiml.js';

export interface LoopInSettings {
  /** The user's own phone. */
  userPhone: string;
  /** The TwiML App whose Voice URL connects a leg back to the bridge (/twilio/agent-leg). */
  agentAppSid: string;
  /** Our number: the caller id the user sees. */
  fromNumber: string;
}

export type UserLegState = 'joined' | 'unreachable' | 'left';

const CONFERENCE_WAIT_MS = 10_000;
const USER_RING_SECONDS = 30;
const POLL_MS = 500;
const POLL_IN_CALL_MS = 2000;
const ANSWERED = new Set(['in-progress']);
const ENDED = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * Brings the user onto a live call. A media stream cannot be bridged to a third person, so the call with
 * the business moves into a conference room; the agent rejoins it as a TwiML App participant (its audio a
 * new media stream to this bridge, same model session) and the user's phone is dialed in.
 */
export class UserLoopIn {
  private userCallSid: string | null = null;

  constructor(
    private readonly telephony: Telephony,
    private readonly settings: LoopInSettings,
    private readonly callId: string,
    private readonly businessCallSid: string,
  ) {}

  /** Moves the call into the room and dials the agent and the user in; throws if the room never opened. */
  async start(): Promise<void> {
    const room = `call-${this.callId}`;
    // The business leg ends the room when it leaves: the representative hanging up ends the call for all.
    await this.telephony.joinConference(this.businessCallSid, room, { endConferenceOnExit: true });
    const conferenceSid = await this.telephony.findLiveConference(room, CONFERENCE_WAIT_MS);
    if (!conferenceSid) throw new Error(`conference ${room} did not open within ${CONFERENCE_WAIT_MS / 1000} s`);
    const agentLeg = `app:${this.settings.agentAppSid}?callId=${encodeURIComponent(this.callId)}`;
    await this.telephony.addParticipant(conferenceSid, { to: agentLeg, from: this.settings.fromNumber, label: 'agent', endConferenceOnExit: true });
    const user = await this.telephony.addParticipant(conferenceSid, {
      to: this.settings.userPhone, from: this.settings.fromNumber, label: 'user', endConferenceOnExit: false, ringTimeoutSeconds: USER_RING_SECONDS,
    });
    this.userCallSid = user.callSid;
  }

  /** Follows the user's leg: `joined` when they answer, `unreachable` if they never do, `left` once they hang up. */
  async *userLeg(isOver: () => boolean): AsyncGenerator<UserLegState> {
    if (!this.userCallSid) return;
    let joined = false;
    // Conference participants report status only to a callback URL; asking the carrier keeps the bridge self-contained.
    const deadline = Date.now() + (USER_RING_SECONDS + 15) * 1000;
    while (!isOver()) {
      await sleep(joined ? POLL_IN_CALL_MS : POLL_MS);
      const { status } = await this.telephony.fetchCall(this.userCallSid).catch(() => ({ status: 'unknown' }));
      if (!joined && ANSWERED.has(status)) {
        joined = true;
        yield 'joined';
      } else if (ENDED.has(status)) {
        yield joined ? 'left' : 'unreachable';
        return;
      } else if (!joined && Date.now() > deadline) {
        yield 'unreachable';
        return;
      }
    }
  }

  /** Undoes a half-done loop-in: the business leg goes back to a plain media stream to the bridge. */
  async returnToStream(voiceUrl: string): Promise<void> {
    await this.telephony.updateCall(this.businessCallSid, redirectTwiml(voiceUrl));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
