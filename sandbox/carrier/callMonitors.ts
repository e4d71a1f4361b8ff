import type { CallParty } from './callParty.js';
import type { CallRecording, RecordingRequest } from './callRecording.js';
import { MachineDetector, type AnsweringParty, type MachineDetectionRequest, type MachineVerdict } from './machineDetector.js';
import type { RecordingRegistry } from './recordingRegistry.js';
import type { Notification } from './twimlInterpreter.js';
import { sendWebhook } from './webhookRequest.js';
import type { WebhookParams } from './webhookSigner.js';

export interface CallMonitorOptions {
  call: { sid: string; accountSid: string };
  authToken: string;
  recording: RecordingRequest | undefined;
  machineDetection: MachineDetectionRequest | undefined;
  /** Who really answered, for the machine detector. */
  party: CallParty;
  recordings: RecordingRegistry;
  notify(notification: Notification): void;
  /** The detector's verdict, once (async or not). */
  onVerdict(verdict: MachineVerdict): void;
}

function answeringParty(party: CallParty): AnsweringParty {
  if (party.answeredBy === 'voicemail') return 'machine';
  return party.answeredBy === 'people' ? 'human' : 'unknown';
}

/**
 * What the carrier does with an answered outbound call's audio besides carrying it: records it and
 * tells a person from an answering machine, sending the signed recording and AMD callbacks.
 */
export class CallMonitors {
  private readonly recording: CallRecording | undefined;
  private detector: MachineDetector | undefined;
  private readonly abort = new AbortController();

  constructor(private readonly options: CallMonitorOptions) {
    const failed = (message: string) => options.notify({ code: 15003, message });
    this.recording = options.recording && options.recordings.start(options.call.sid, options.recording, failed);
    if (options.machineDetection) {
      this.detector = new MachineDetector(options.machineDetection, answeringParty(options.party));
      if (options.machineDetection.async && !options.machineDetection.callback) {
        options.notify({ code: 21262, message: 'Answering machine detection is asynchronous but no AsyncAmdStatusCallback was given' });
      }
    }
  }

  /** One 20 ms frame each way: what the called party said, and what was played to them. */
  frame(fromParty: Buffer, toParty: Buffer): void {
    this.recording?.capture(fromParty, toParty);
    const verdict = this.detector?.push(fromParty);
    if (!verdict) return;
    this.detector = undefined;
    this.options.onVerdict(verdict);
    if (this.options.machineDetection?.async) this.sendVerdict(verdict);
  }

  /** The call is over: the recording completes. Returns the recording fields of the final status callback. */
  finish(): WebhookParams {
    this.detector = undefined;
    const recording = this.recording;
    if (!recording) return {};
    this.options.recordings.finish(recording);
    if (recording.status !== 'completed') return {};
    return {
      RecordingSid: recording.sid,
      RecordingUrl: this.options.recordings.mediaUrl(recording),
      RecordingDuration: String(recording.durationSeconds ?? 0),
    };
  }

  shutdown(): void {
    this.abort.abort();
  }

  private sendVerdict(verdict: MachineVerdict): void {
    const callback = this.options.machineDetection?.callback;
    if (!callback) return;
    const params: WebhookParams = {
      AccountSid: this.options.call.accountSid,
      CallSid: this.options.call.sid,
      AnsweredBy: verdict.answeredBy,
      MachineDetectionDuration: String(verdict.durationMs),
    };
    const { notify, authToken } = this.options;
    sendWebhook({ ...callback, params, authToken, signal: this.abort.signal }).then(
      (response) => {
        if (response.status >= 400) notify({ code: 15003, message: `AMD status callback got HTTP ${response.status}` });
      },
      (error: Error) => {
        if (!this.abort.signal.aborted) notify({ code: 15003, message: `AMD status callback failed: ${error.message}` });
      },
    );
  }
}
