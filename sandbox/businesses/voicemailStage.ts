import { encodeMulaw, SAMPLE_RATE } from '../../common/audio/mulaw.js';
import { HANG_UP, type VoicemailScript } from './businessScript.js';
import { UNRECOGNIZED_SPEECH } from './callRecord.js';
import { frames, type CallerInput, type Stage, type StageHost } from './stage.js';

const BEEP_HZ = 1000;
const BEEP_MS = 500;
/** A box that hears nothing at all after the beep hangs up after this long. */
const NOTHING_SAID_MS = 10_000;

let beepAudio: Buffer | undefined;

/** The answering machine's tone: 1 kHz for half a second, with soft edges. */
export function voicemailBeep(): Buffer {
  if (!beepAudio) {
    const samples = new Int16Array((SAMPLE_RATE * BEEP_MS) / 1000);
    const edge = SAMPLE_RATE * 0.01;
    for (let i = 0; i < samples.length; i++) {
      const level = Math.min(1, i / edge, (samples.length - i) / edge);
      samples[i] = 0.4 * 32767 * level * Math.sin((2 * Math.PI * BEEP_HZ * i) / SAMPLE_RATE);
    }
    beepAudio = encodeMulaw(samples);
  }
  return Buffer.from(beepAudio);
}

/**
 * A voicemail box: greeting, beep, then it records (listens) until the caller has been quiet for a
 * while after speaking, or the maximum length; then it hangs up.
 */
export class VoicemailStage implements Stage {
  private recording = false;
  private recordedFrames = 0;
  private quietFrames = 0;
  private readonly message: string[] = [];
  private finished = false;

  constructor(
    private readonly voicemail: VoicemailScript,
    private readonly host: StageHost,
  ) {
    host.say([voicemail.greeting], voicemail.voice);
    host.play(voicemailBeep());
  }

  tick({ turn, callerSpeaking }: CallerInput): void {
    if (this.finished) return;
    if (!this.recording) {
      this.recording = !this.host.speaking;
      return;
    }
    this.recordedFrames++;
    if (turn) this.message.push(turn.text ?? UNRECOGNIZED_SPEECH);
    this.quietFrames = callerSpeaking ? 0 : this.quietFrames + 1;
    const quietLimit = this.message.length > 0 ? this.voicemail.endSilenceSeconds * 1000 : NOTHING_SAID_MS;
    if (this.recordedFrames >= frames(this.voicemail.maxSeconds * 1000) || this.quietFrames >= frames(quietLimit)) this.finish();
  }

  // Like a real answering machine, a message ended by hanging up is kept.
  callerHungUp(): void {
    if (this.recording && !this.finished && this.message.length > 0) {
      this.finished = true;
      this.host.record.voicemail(this.message.join(' '), this.recordedFrames);
    }
  }

  private finish(): void {
    this.finished = true;
    this.host.record.voicemail(this.message.join(' '), this.recordedFrames);
    if (this.voicemail.goodbye) this.host.say([this.voicemail.goodbye], this.voicemail.voice);
    this.host.goTo(HANG_UP);
  }
}
