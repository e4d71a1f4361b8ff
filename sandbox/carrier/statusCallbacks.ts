import { sendWebhook, type HttpMethod } from './webhookRequest.js';
import type { WebhookParams } from './webhookSigner.js';

export const STATUS_CALLBACK_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;
export type StatusCallbackEvent = (typeof STATUS_CALLBACK_EVENTS)[number];

export interface StatusCallbackOptions {
  url: string | undefined;
  method: HttpMethod;
  /** Twilio's default when StatusCallbackEvent is omitted is `completed` only. */
  events: ReadonlySet<StatusCallbackEvent>;
  authToken: string;
  onFailure(reason: string): void;
}

/** Twilio's timestamp format in webhooks and resources: RFC 2822, UTC, e.g. "Tue, 04 Aug 2015 22:48:06 +0000". */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/**
 * Sends one call's status callbacks. Each requested event is POSTed (or GET) independently and signed;
 * like Twilio's, they are not serialized, so they may arrive out of order: SequenceNumber (from 0) lets the
 * receiver put them back in order.
 */
export class StatusCallbackSender {
  private sequenceNumber = 0;
  private readonly abort = new AbortController();

  constructor(private readonly options: StatusCallbackOptions) {}

  notify(event: StatusCallbackEvent, callParams: WebhookParams): void {
    const { url, method, events, authToken } = this.options;
    if (!url || !events.has(event) || this.abort.signal.aborted) return;
    const params: WebhookParams = {
      ...callParams,
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(this.sequenceNumber++),
      Timestamp: rfc2822(new Date()),
    };
    sendWebhook({ url, method, params, authToken, signal: this.abort.signal }).then(
      (response) => {
        if (response.status >= 400) this.options.onFailure(`status callback ${event} got HTTP ${response.status}`);
      },
      (error: Error) => {
        if (!this.abort.signal.aborted) this.options.onFailure(`status callback ${event} failed: ${error.message}`);
      },
    );
  }

  cancelPending(): void {
    this.abort.abort();
  }
}
