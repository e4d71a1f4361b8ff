import { FRAME_MS, silence } from '../../common/audio/mulaw.js';
import { mixFrames } from './audioMix.js';
import { beepFrames, beepsOnEnter, beepsOnExit, type ConferenceBeep } from './conferenceBeep.js';

export type ConferenceStatus = 'init' | 'in-progress' | 'completed';
export type ConferenceEndReason =
  | 'conference-ended-via-api'
  | 'participant-with-end-conference-on-exit-left'
  | 'participant-with-end-conference-on-exit-kicked'
  | 'last-participant-kicked'
  | 'last-participant-left';

export interface MemberSettings {
  muted: boolean;
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  beep: ConferenceBeep;
}

/** A participant the REST API has dialled but who has not answered yet. */
export interface ExpectedParticipant extends MemberSettings {
  callSid: string;
  label: string | null;
  dateCreated: Date;
}

/** One call leg in a room. */
export class ConferenceMember implements MemberSettings {
  readonly dateCreated = new Date();
  dateUpdated = this.dateCreated;
  muted: boolean;
  hold = false;
  readonly startConferenceOnEnter: boolean;
  readonly endConferenceOnExit: boolean;
  readonly beep: ConferenceBeep;
  /** The member's most recent 20 ms, which the others hear on their next tick. */
  lastSaid: Buffer = silence(FRAME_MS);
  present = true;
  /** Resolves when the member is out of the room (left, removed, or the conference ended). */
  readonly left: Promise<void>;
  private markLeft!: () => void;

  constructor(
    readonly callSid: string,
    readonly label: string | null,
    settings: MemberSettings,
  ) {
    this.muted = settings.muted;
    this.startConferenceOnEnter = settings.startConferenceOnEnter;
    this.endConferenceOnExit = settings.endConferenceOnExit;
    this.beep = settings.beep;
    this.left = new Promise((resolve) => (this.markLeft = resolve));
  }

  update(change: { muted?: boolean; hold?: boolean }): void {
    if (change.muted !== undefined) this.muted = change.muted;
    if (change.hold !== undefined) this.hold = change.hold;
    this.dateUpdated = new Date();
  }

  /** Heard by the others: neither muted nor on hold. */
  get audible(): boolean {
    return !this.muted && !this.hold;
  }

  leave(): void {
    this.present = false;
    this.dateUpdated = new Date();
    this.markLeft();
  }
}

/**
 * A conference: its members hear the mix of everyone else. Each member's tick hears what the others
 * said on their latest tick and then says its own frame; since every member ticks once per frame clock
 * tick, every frame is heard exactly once by every other member, at most 20 ms late. Until a member who
 * starts the conference is in, the room is `init` and nobody hears anybody (Twilio plays wait music).
 * Beeps for members coming and going (as their `beep` asks) are heard by everyone in the room.
 */
export class ConferenceRoom {
  readonly dateCreated = new Date();
  dateUpdated = this.dateCreated;
  status: ConferenceStatus = 'init';
  reasonEnded: ConferenceEndReason | null = null;
  callSidEndingConference: string | null = null;
  readonly expected = new Map<string, ExpectedParticipant>();
  private readonly members = new Map<string, ConferenceMember>();
  private readonly beepsToPlay: Buffer[] = [];
  private beepTick: number | undefined;
  private beepFrame: Buffer | undefined;

  constructor(
    readonly sid: string,
    readonly friendlyName: string,
    readonly accountSid: string,
  ) {}

  get isActive(): boolean {
    return this.status !== 'completed';
  }

  /** Members now in the room, in the order they joined. */
  present(): ConferenceMember[] {
    return [...this.members.values()];
  }

  member(callSid: string): ConferenceMember | undefined {
    return this.members.get(callSid);
  }

  /** Puts a call leg in the room (a REST-dialled participant keeps the label it was given). */
  join(callSid: string, settings: MemberSettings): ConferenceMember {
    if (!this.isActive) throw new Error(`conference ${this.sid} has ended`);
    const expected = this.expected.get(callSid);
    this.expected.delete(callSid);
    const member = new ConferenceMember(callSid, expected?.label ?? null, expected ?? settings);
    this.members.set(callSid, member);
    if (member.startConferenceOnEnter) this.status = 'in-progress';
    if (this.status === 'in-progress' && beepsOnEnter(member.beep)) this.beepsToPlay.push(...beepFrames());
    this.touch();
    return member;
  }

  /** What `member` hears on frame clock tick `tick`. */
  hear(member: ConferenceMember, tick: number): Buffer {
    const beep = this.beepAt(tick);
    if (this.status !== 'in-progress' || member.hold) return silence(FRAME_MS);
    const others = this.present().filter((other) => other !== member && other.audible);
    return mixFrames([...others.map((other) => other.lastSaid), ...(beep ? [beep] : [])]);
  }

  say(member: ConferenceMember, frame: Buffer): void {
    member.lastSaid = frame;
  }

  /** A member goes (its TwiML moved on or it hung up), or is removed through the REST API. */
  leave(member: ConferenceMember, how: 'left' | 'kicked'): void {
    if (!this.members.delete(member.callSid)) return;
    member.leave();
    this.touch();
    if (!this.isActive) return;
    if (member.endConferenceOnExit) this.end(how === 'left' ? 'participant-with-end-conference-on-exit-left' : 'participant-with-end-conference-on-exit-kicked', member.callSid);
    else if (this.members.size === 0) this.end(how === 'left' ? 'last-participant-left' : 'last-participant-kicked', member.callSid);
    else if (this.status === 'in-progress' && beepsOnExit(member.beep)) this.beepsToPlay.push(...beepFrames());
  }

  /** Ends the conference: everyone still in it leaves, and a dialled participant who answers later finds it over. */
  end(reason: ConferenceEndReason, endingCallSid: string | null = null): void {
    if (!this.isActive) return;
    this.status = 'completed';
    this.reasonEnded = reason;
    this.callSidEndingConference = endingCallSid;
    this.expected.clear();
    for (const member of this.present()) {
      this.members.delete(member.callSid);
      member.leave();
    }
    this.touch();
  }

  /** The beep frame of this tick: every member ticking in the same tick hears the same frame. */
  private beepAt(tick: number): Buffer | undefined {
    if (tick !== this.beepTick) {
      this.beepTick = tick;
      this.beepFrame = this.beepsToPlay.shift();
    }
    return this.beepFrame;
  }

  private touch(): void {
    this.dateUpdated = new Date();
  }
}
