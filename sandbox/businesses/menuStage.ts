import { REPEAT_MENU, type DigitArrival, type MenuOption, type MenuScript } from './businessScript.js';
import { mentionsAny } from './spokenAnswer.js';
import { frames, type CallerInput, type Stage, type StageHost } from './stage.js';

/**
 * An IVR menu: plays its prompt, takes a key (a press cuts the prompt short, as on real IVRs) or, when
 * its options have keywords, a spoken choice; re-prompts on no input or invalid input a limited number
 * of times, then gives up. A menu with `collect` takes a keyed number instead of a choice.
 */
export class MenuStage implements Stage {
  readonly digits: DigitArrival;
  private attempts = 0;
  private waitedFrames = 0;
  private collected = '';
  private finished = false;

  constructor(
    private readonly menu: MenuScript,
    private readonly host: StageHost,
    firstVisit: boolean,
  ) {
    this.digits = menu.digits;
    host.record.menu(menu.id);
    host.say(firstVisit && menu.greeting ? [menu.greeting, menu.prompt] : [menu.prompt], menu.voice);
  }

  tick({ turn, digit, callerSpeaking }: CallerInput): void {
    if (this.finished) return;
    if (digit !== null) this.onDigit(digit);
    else if (turn) this.onSpeech(turn.text);
    // The wait for input starts once the prompt is over, and a caller still talking is not silent.
    else if (this.host.speaking || (callerSpeaking && this.listensToSpeech)) this.waitedFrames = 0;
    else if (++this.waitedFrames >= frames(this.menu.timeoutSeconds * 1000)) this.onTimeout();
  }

  private get listensToSpeech(): boolean {
    return this.menu.options.some((option) => option.keywords.length > 0);
  }

  private onDigit(digit: string): void {
    this.host.stopSpeaking();
    this.waitedFrames = 0;
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
