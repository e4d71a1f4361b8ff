import { decodeMulaw, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import type { HttpMethod } from './webhookRequest.js';

export const RECORDING_EVENTS = ['in-progress', 'completed', 'absent'] as const;
export type RecordingEvent = (typeof RECORDING_EVENTS)[number];

export interface RecordingRequest {
  channels: 1 | 2;
  /** inbound: what the called party says; outbound: what Twilio plays to them (our application). */
  track: 'inbound' | 'outbound' | 'both';
  statusCallback: { url: string | undefined; method: HttpMethod; events: ReadonlySet<RecordingEvent> };
}

export type RecordingStatus = 'in-progress' | 'completed' | 'absent';

export interface RecordingIdentity {
  sid: string;
  callSid: string;
  accountSid: string;
}

function sumClipped(a: Int16Array, b: Int16Array): Int16Array {
  const out = new Int16Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Math.max(-32768, Math.min(32767, a[i] + b[i]));
  return out;
}

/**
 * One call's recording from answer to hang-up, kept as the two tracks Twilio records for an outbound-api
 * call: channel 1 is the inbound track (what the called party said), channel 2 the outbound track (what
 * Twilio played to them: TwiML audio or our application's media stream). Mono recordings mix the two.
 */
export class CallRecording {
  readonly sid: string;
  readonly callSid: string;
  readonly accountSid: string;
  readonly channels: 1 | 2;
  readonly track: RecordingRequest['track'];
  readonly dateCreated = new Date();
  readonly startTime = this.dateCreated;
  dateUpdated = this.dateCreated;
  status: RecordingStatus = 'in-progress';
  private partyFrames: Buffer[] = [];
  private applicationFrames: Buffer[] = [];
  private tracks: { party: Buffer; application: Buffer } | undefined;

  constructor(identity: RecordingIdentity, request: Pick<RecordingRequest, 'channels' | 'track'>) {
    this.sid = identity.sid;
    this.callSid = identity.callSid;
    this.accountSid = identity.accountSid;
    this.channels = request.channels;
    this.track = request.track;
  }

  /** One 20 ms frame each way; ignored once the recording has finished. */
  capture(fromParty: Buffer, toParty: Buffer): void {
    if (this.status !== 'in-progress') return;
    this.partyFrames.push(fromParty);
    this.applicationFrames.push(toParty);
  }

  /** The call ended: the recording is complete, or absent when not a single frame was captured. */
  finish(): void {
    if (this.status !== 'in-progress') return;
    this.tracks = { party: Buffer.concat(this.partyFrames), application: Buffer.concat(this.applicationFrames) };
    this.partyFrames = [];
    this.applicationFrames = [];
    this.status = this.tracks.party.length > 0 ? 'completed' : 'absent';
    this.dateUpdated = new Date();
  }

  /** Whole seconds of audio; null until the recording is complete. */
  get durationSeconds(): number | null {
    if (!this.tracks) return null;
    return Math.round(this.tracks.party.length / SAMPLE_RATE);
  }

  /**
   * The audio as 16-bit samples per channel: as recorded, or downmixed to one channel (Twilio's
   * RequestedChannels=1). Null until complete.
   */
  pcm(requestedChannels: 1 | 2 = this.channels): Int16Array[] | null {
    if (!this.tracks || this.status !== 'completed') return null;
    const party = decodeMulaw(this.tracks.party);
    const application = decodeMulaw(this.tracks.application);
    if (this.track === 'inbound') return [party];
    if (this.track === 'outbound') return [application];
    return requestedChannels === 2 ? [party, application] : [sumClipped(party, application)];
  }
}
