import { ConferenceRoom } from './conferenceRoom.js';
import type { SidPrefix } from './sids.js';

export interface ConferenceRegistryOptions {
  accountSid: string;
  newSid(prefix: SidPrefix): string;
}

/** Every conference of the account. A name belongs to one active room at a time; ended rooms stay listed. */
export class ConferenceRegistry {
  private readonly rooms = new Map<string, ConferenceRoom>();

  constructor(private readonly options: ConferenceRegistryOptions) {}

  /** The active room called `friendlyName`, created on first use (as `<Dial><Conference>` does). */
  open(friendlyName: string): ConferenceRoom {
    const existing = this.activeNamed(friendlyName);
    if (existing) return existing;
    const room = new ConferenceRoom(this.options.newSid('CF'), friendlyName, this.options.accountSid);
    this.rooms.set(room.sid, room);
    return room;
  }

  /** By SID, or by the friendly name of an active room (the Participants API accepts either). */
  find(sidOrName: string): ConferenceRoom | undefined {
    return this.rooms.get(sidOrName) ?? this.activeNamed(sidOrName);
  }

  newestFirst(): ConferenceRoom[] {
    return [...this.rooms.values()].reverse();
  }

  shutdown(): void {
    for (const room of this.rooms.values()) room.end('conference-ended-via-api');
  }

  private activeNamed(friendlyName: string): ConferenceRoom | undefined {
    return [...this.rooms.values()].find((room) => room.isActive && room.friendlyName === friendlyName);
  }
}
