import { FRAME_MS } from '../../common/audio/mulaw.js';
import type { DepartmentScript, HoldScript } from './businessScript.js';
import { randomWithin } from './callFacts.js';
import { HoldMusicPlayer } from './holdMusic.js';
import { frames, type Stage, type StageHost } from './stage.js';

const drawn = (value: number | [number, number], random: () => number) => (Array.isArray(value) ? randomWithin(value, random) : value);

/**
 * A hold queue: music, announcements between stretches of it and position messages counting down,
 * for a length drawn per call from the seed; then the department's agent picks up.
 */
export class HoldStage implements Stage {
  private readonly hold: HoldScript;
  private readonly music: HoldMusicPlayer;
  private readonly lengthFrames: number;
  private readonly startPosition: number;
  private elapsed = 0;
  private nextAnnouncementAt = Infinity;
  private nextPositionAt = Infinity;
  private announcementsMade = 0;
  private finished = false;

  constructor(
    department: DepartmentScript,
    private readonly host: StageHost,
    private readonly onDone: () => void,
  ) {
    this.hold = department.hold!;
    const random = host.random(`hold:${department.id}`);
    this.lengthFrames = frames(drawn(this.hold.seconds, random) * 1000);
    this.startPosition = this.hold.position ? drawn(this.hold.position.start, random) : 0;
    this.music = new HoldMusicPlayer(this.hold.music);
    const opening: string[] = [];
    if (this.hold.greeting) opening.push(this.hold.greeting);
    if (this.hold.position) {
      opening.push(this.positionMessage());
      this.nextPositionAt = frames(this.hold.position.everySeconds * 1000);
    }
    if (this.hold.announcements) this.nextAnnouncementAt = frames(this.hold.announcements.everySeconds * 1000);
    if (opening.length > 0) host.say(opening, this.hold.voice);
  }

  tick(): void {
    if (this.finished) return;
    this.elapsed++;
    if (this.elapsed >= this.lengthFrames) {
      // The agent picks up when the queue says so, even in the middle of an announcement.
      this.finished = true;
      this.host.stopSpeaking();
      this.host.record.held(this.elapsed);
      this.onDone();
      return;
    }
    // Announcements never cut each other off: anything due waits for the current one to end.
    if (this.host.speaking) return;
    const { announcements, position } = this.hold;
    if (announcements && this.elapsed >= this.nextAnnouncementAt) {
      this.host.say([announcements.lines[this.announcementsMade++ % announcements.lines.length]], this.hold.voice);
      this.nextAnnouncementAt += frames(announcements.everySeconds * 1000);
    } else if (position && this.elapsed >= this.nextPositionAt) {
      this.host.say([this.positionMessage()], this.hold.voice);
      this.nextPositionAt += frames(position.everySeconds * 1000);
    }
  }

  idleFrame(): Buffer {
    return this.music.nextFrame();
  }

  /** Position and minutes left shrink in step with the hold. */
  private positionMessage(): string {
    const left = Math.max(0, 1 - this.elapsed / this.lengthFrames);
    const position = Math.max(1, Math.ceil(this.startPosition * left));
    const minutes = Math.max(1, Math.ceil(((this.lengthFrames - this.elapsed) * FRAME_MS) / 60_000));
    return fillPosition(this.hold.position!.message, position, minutes);
  }
}

function fillPosition(template: string, position: number, minutes: number): string {
  return template.replaceAll('{position}', String(position)).replaceAll('{minutes}', String(minutes));
}

/** Every position message a hold can say (each position and minutes-left it can announce). */
export function positionMessages(hold: HoldScript): string[] {
  if (!hold.position) return [];
  const highest = (value: number | [number, number]) => (Array.isArray(value) ? value[1] : value);
  const maxMinutes = Math.max(1, Math.ceil(highest(hold.seconds) / 60));
  const messages = new Set<string>();
  for (let position = 1; position <= highest(hold.position.start); position++) {
    for (let minutes = 1; minutes <= maxMinutes; minutes++) messages.add(fillPosition(hold.position.message, position, minutes));
  }
  return [...messages];
}
