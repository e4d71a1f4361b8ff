import { FRAME_MS, silence } from '../../common/audio/mulaw.js';
import type { BusinessCallContext, BusinessLine } from '../businesses/business.js';

/** Frames waiting to cross; both legs tick on one clock, so more than a couple means one leg stopped. */
const MAX_QUEUED_FRAMES = 10;

/** One end of a back-to-back bridge: the called party of one leg, speaking with the other leg's carrier side. */
class BridgeEnd implements BusinessLine {
  readonly facts = {};
  readonly heard: string[] = [];
  other!: BridgeEnd;
  context: BusinessCallContext | undefined;
  private readonly queue: Buffer[] = [];

  tick(heard: Buffer): Buffer {
    const crossing = this.other.queue;
    crossing.push(heard);
    if (crossing.length > MAX_QUEUED_FRAMES) crossing.shift();
    return this.queue.shift() ?? silence(FRAME_MS);
  }

  /** This leg played a key: on the other leg its caller pressed it. */
  hearDigit(digit: string): void {
    this.other.context?.pressDigit(digit);
  }

  /** This leg is over: the other one hangs up. */
  end(): void {
    this.other.context?.hangUp();
  }
}

/**
 * Two call legs joined back to back, as when a call is placed to a number of the application's own: the
 * outbound leg's called party is the inbound leg's carrier side and vice versa. Audio crosses frame by
 * frame and unchanged, keys cross as key presses, and a hang-up on either leg ends the other.
 */
export function backToBack(): { outboundParty: BridgeEnd; inboundParty: BridgeEnd } {
  const outboundParty = new BridgeEnd();
  const inboundParty = new BridgeEnd();
  outboundParty.other = inboundParty;
  inboundParty.other = outboundParty;
  return { outboundParty, inboundParty };
}
