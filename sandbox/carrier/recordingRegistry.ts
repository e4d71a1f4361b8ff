import { API_VERSION } from './apiVersion.js';
import { CallRecording, type RecordingEvent, type RecordingRequest } from './callRecording.js';
import type { SidPrefix } from './sids.js';
import { rfc2822 } from './statusCallbacks.js';
import { sendWebhook } from './webhookRequest.js';
import type { WebhookParams } from './webhookSigner.js';

export interface RecordingRegistryOptions {
  accountSid: string;
  authToken: string;
  newSid(prefix: SidPrefix): string;
  /** Where the carrier is reachable, for RecordingUrl. */
  publicUrl(): string;
}

interface Subscription {
  request: RecordingRequest;
  onFailure(message: string): void;
}

/** Twilio's error for a recording too short to keep. */
const TOO_SHORT_ERROR = '16101';

export function recordingsPath(accountSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Recordings`;
}

/** Every recording the carrier has made, and their signed status callbacks. */
export class RecordingRegistry {
  private readonly recordings = new Map<string, CallRecording>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly abort = new AbortController();

  constructor(private readonly options: RecordingRegistryOptions) {}

  /** Starts recording a call now (at answer); `onFailure` hears about callbacks that fail. */
  start(callSid: string, request: RecordingRequest, onFailure: (message: string) => void): CallRecording {
    const { accountSid, newSid } = this.options;
    const recording = new CallRecording({ sid: newSid('RE'), callSid, accountSid }, request);
    this.recordings.set(recording.sid, recording);
    this.subscriptions.set(recording.sid, { request, onFailure });
    this.callback(recording, 'in-progress');
    return recording;
  }

  /** The call hung up: the recording is complete (or absent) and its callback goes out. */
  finish(recording: CallRecording): void {
    recording.finish();
    this.callback(recording, recording.status === 'completed' ? 'completed' : 'absent');
  }

  get(sid: string): CallRecording | undefined {
    return this.recordings.get(sid);
  }

  delete(sid: string): boolean {
    this.subscriptions.delete(sid);
    return this.recordings.delete(sid);
  }

  newestFirst(): CallRecording[] {
    return [...this.recordings.values()].reverse();
  }

  /** The RecordingUrl Twilio reports: the media without an extension (a WAV). */
  mediaUrl(recording: CallRecording): string {
    return `${this.options.publicUrl()}${recordingsPath(recording.accountSid)}/${recording.sid}`;
  }

  shutdown(): void {
    this.abort.abort();
  }

  private callback(recording: CallRecording, event: RecordingEvent): void {
    const subscription = this.subscriptions.get(recording.sid);
    const { url, method, events } = subscription?.request.statusCallback ?? {};
    if (!subscription || !url || !method || !events?.has(event) || this.abort.signal.aborted) return;
    const params: WebhookParams = {
      AccountSid: recording.accountSid,
      CallSid: recording.callSid,
      RecordingSid: recording.sid,
      RecordingUrl: this.mediaUrl(recording),
      RecordingStatus: event,
      RecordingChannels: String(recording.channels),
      RecordingStartTime: rfc2822(recording.startTime),
      RecordingSource: 'OutboundAPI',
      RecordingTrack: recording.track,
      ErrorCode: event === 'absent' ? TOO_SHORT_ERROR : '0',
    };
    if (event === 'completed') params.RecordingDuration = String(recording.durationSeconds ?? 0);
    sendWebhook({ url, method, params, authToken: this.options.authToken, signal: this.abort.signal }).then(
      (response) => {
        if (response.status >= 400) subscription.onFailure(`recording status callback ${event} got HTTP ${response.status}`);
      },
      (error: Error) => {
        if (!this.abort.signal.aborted) subscription.onFailure(`recording status callback ${event} failed: ${error.message}`);
      },
    );
  }
}
