import type { DigitArrival } from './businessScript.js';
import { seconds, type CallRecorder, type KeyArrival, type KeyPress } from './callRecord.js';

/**
 * The same press reported by both sources arrives this close together: the sandbox carrier fires the
 * out-of-band event as its tone starts, and the tone needs a few frames to be recognized.
 */
const TWIN_WINDOW_FRAMES = 15;

/**
 * Turns keys heard in-band (tones in the audio) and out-of-band (telephone events) into presses. A
 * keypad that sends both is one press, not two; a menu that takes only one kind ignores the other.
 */
export class KeypadInput {
  /** What the menu listening now accepts; nothing while no menu listens (agents, hold, voicemail). */
  accepting: DigitArrival | 'nothing' = 'nothing';
  private recent: Array<{ press: KeyPress; frame: number }> = [];

  constructor(private readonly recorder: CallRecorder) {}

  /** A key from one source; returns it when it is a press the listening menu should act on. */
  arrive(digit: string, via: KeyArrival, frame: number): string | null {
    this.recent = this.recent.filter((entry) => frame - entry.frame <= TWIN_WINDOW_FRAMES);
    const twin = this.recent.find((entry) => entry.press.digit === digit && !entry.press.via.includes(via));
    if (twin) {
      twin.press.via.push(via);
      if (twin.press.accepted || !this.accepts(via)) return null;
      twin.press.accepted = true;
      return digit;
    }
    const press: KeyPress = { digit, via: [via], accepted: this.accepts(via), atSeconds: seconds(frame) };
    this.recent.push({ press, frame });
    this.recorder.key(press);
    return press.accepted ? digit : null;
  }

  private accepts(via: KeyArrival): boolean {
    return this.accepting === 'either' || this.accepting === via;
  }
}
