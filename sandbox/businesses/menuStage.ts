import { REPEAT_MENU, type DigitArrival, type MenuOption, type MenuScript } from './businessScript.js';
import { mentionsAny } from './spokenAnswer.js';
import { frames, type CallerInput, type Stage, type StageHost } from './stage.js';

/** After a lost press the prompt plays again once the line has been quiet this long since the last lost key. */
const LOST_PRESS_PAUSE_MS = 1500;

/**
 * An IVR menu: plays its prompt, takes a key (a press cuts the prompt short, as on real IVRs) or, when
 * its options have keywords, a spoken choice; re-prompts on no input or invalid input a limited number
 * of times, then gives up. A menu with `collect` takes a keyed number instead of a choice. A menu that
 * `ignoresFirstPress` loses the first press of its first visit (every key of it) and plays the prompt
 * again after a short pause, as a line that garbles tones does.
 */
export class MenuStage implements Stage {
  readonly digits: DigitArrival;
  private attempts = 0;
  private waitedFrames = 0;
  private collected = '';
  private finished = false;
  private losesNextPress: boolean;
  /** Frames until the prompt plays again after a lost press; 0 when no press is being lost. */
  private replayInFrames = 0;

  constructor(
    private readonly menu: MenuScript,
    private readonly host: StageHost,
    firstVisit: boolean,
  ) {
    this.digits = menu.digits;
    this.losesNextPress = firstVisit && menu.ignoresFirstPress === true;
    host.record.menu(menu.id);
    host.say(firstVisit && menu.greeting ? [menu.greeting, menu.prompt] : [menu.prompt], menu.voice);
  }

  tick({ turn, digit, callerSpeaking }: CallerInput): void {
    if (this.finished) return;
    if (this.replayInFrames > 0 && this.losingPress(digit, turn !== null)) return;
    if (digit !== null) this.onDigit(digit);
    else if (turn) this.onSpeech(turn.text);
    // The wait for input starts once the prompt is over, and a caller still talking is not silent.
    else if (this.host.speaking || (callerSpeaking && this.listensToSpeech)) this.waitedFrames = 0;
    else if (++this.waitedFrames >= frames(this.menu.timeoutSeconds * 1000)) this.onTimeout();
  }

  private get listensToSpeech(): boolean {
    return this.menu.options.some((option) => option.keywords.length > 0);
  }

  /** While a press is being lost; false once the caller speaks, which the menu hears as usual. */
  private losingPress(digit: string | null, spoke: boolean): boolean {
    if (spoke) {
      this.replayInFrames = 0;
      return false;
    }
    // The rest of the lost press (<Play digits="12"> sends its keys a quarter second apart) is lost too.
    if (digit !== null) this.replayInFrames = frames(LOST_PRESS_PAUSE_MS);
    else if (--this.replayInFrames === 0) this.host.say([this.menu.prompt], this.menu.voice);
    return true;
  }

  private onDigit(digit: string): void {
    this.host.stopSpeaking();
    this.waitedFrames = 0;
    if (this.losesNextPress) {
      this.losesNextPress = false;
      this.replayInFrames = frames(LOST_PRESS_PAUSE_MS);
      return;
    }
    if (this.menu.collect) {
      this.collectDigit(digit);
      return;
    }
    const option = this.menu.options.find((candidate) => candidate.digit === digit);
    if (option) this.choose(option);
    else this.retry(this.menu.invalidMessage);
  }

  private onSpeech(text: string | null): void {
    // A keypad-only menu does not listen to speech at all.
    if (!this.listensToSpeech) return;
    const option =
      text === null
        ? this.menu.options.find((candidate) => candidate.id === this.menu.unrecognizedSpeech)
        : this.menu.options.find((candidate) => mentionsAny(text, candidate.keywords));
    this.host.stopSpeaking();
    this.waitedFrames = 0;
    if (option) this.choose(option);
    else this.retry(this.menu.invalidMessage);
  }

  private onTimeout(): void {
    this.waitedFrames = 0;
    if (this.collected.length > 0) this.submit();
    else this.retry(this.menu.noInputMessage);
  }

  private collectDigit(digit: string): void {
    const { terminator, length } = this.menu.collect!;
    if (digit === terminator) {
      this.submit();
      return;
    }
    this.collected += digit;
    if (length !== undefined && this.collected.length >= length) this.submit();
  }

  private submit(): void {
    const { slot, expected, to } = this.menu.collect!;
    const value = this.collected;
    this.collected = '';
    const matched = expected === undefined ? null : value === expected;
    this.host.record.slot(slot, { heard: value, value: value || null, matched });
    if (matched === false) {
      this.retry(this.menu.invalidMessage);
      return;
    }
    this.finished = true;
    this.host.goTo(to);
  }

  private choose(option: MenuOption): void {
    this.finished = true;
    this.host.record.choice(option.id);
    this.host.record.mark(option.mark);
    if (option.say) this.host.say([option.say], this.menu.voice);
    this.host.goTo(option.to === REPEAT_MENU ? this.menu.id : option.to);
  }

  private retry(message: string | undefined): void {
    this.attempts++;
    if (this.attempts > this.menu.repeats) {
      this.finished = true;
      const { say, to } = this.menu.onFailure;
      if (say) this.host.say([say], this.menu.voice);
      this.host.goTo(to);
      return;
    }
    this.host.say(message ? [message, this.menu.prompt] : [this.menu.prompt], this.menu.voice);
  }
}
