import { booleanField, eventList, httpMethod, optionalUrl, single, wholeNumberField, type FormBody } from './formFields.js';
import { RECORDING_EVENTS, type RecordingRequest } from './callRecording.js';
import type { MachineDetectionRequest } from './machineDetector.js';
import { twilioErrors } from './twilioErrors.js';

/** Record, RecordingChannels, RecordingTrack and RecordingStatusCallback*; undefined when not recording. */
export function parseRecordingRequest(body: FormBody): RecordingRequest | undefined {
  if (!booleanField(body, 'Record', false)) return undefined;
  const channels = (single(body, 'RecordingChannels') ?? 'mono').toLowerCase();
  if (channels !== 'mono' && channels !== 'dual') throw twilioErrors.invalidParameter(`RecordingChannels must be mono or dual; got ${channels}`);
  const track = (single(body, 'RecordingTrack') ?? 'both').toLowerCase();
  if (track !== 'inbound' && track !== 'outbound' && track !== 'both') throw twilioErrors.invalidParameter(`RecordingTrack must be inbound, outbound or both; got ${track}`);
  return {
    // A single track is always a mono file, whatever RecordingChannels says.
    channels: channels === 'dual' && track === 'both' ? 2 : 1,
    track,
    statusCallback: {
      url: optionalUrl(body, 'RecordingStatusCallback'),
      method: httpMethod(body, 'RecordingStatusCallbackMethod'),
      events: eventList(body, 'RecordingStatusCallbackEvent', RECORDING_EVENTS, ['completed'], (name) =>
        twilioErrors.invalidParameter(`RecordingStatusCallbackEvent must be in-progress, completed or absent; got ${name}`),
      ),
    },
  };
}

/** MachineDetection and its tuning parameters (ranges as Twilio documents them); undefined when off. */
export function parseMachineDetectionRequest(body: FormBody): MachineDetectionRequest | undefined {
  const mode = single(body, 'MachineDetection');
  if (mode === undefined) return undefined;
  if (mode !== 'Enable' && mode !== 'DetectMessageEnd') throw twilioErrors.invalidParameter(`MachineDetection must be Enable or DetectMessageEnd; got ${mode}`);
  const callbackUrl = optionalUrl(body, 'AsyncAmdStatusCallback');
  return {
    mode,
    async: booleanField(body, 'AsyncAmd', false),
    callback: callbackUrl === undefined ? undefined : { url: callbackUrl, method: httpMethod(body, 'AsyncAmdStatusCallbackMethod') },
    timeoutMs: 1000 * wholeNumberField(body, 'MachineDetectionTimeout', { min: 3, max: 59, fallback: 30 }),
    speechThresholdMs: wholeNumberField(body, 'MachineDetectionSpeechThreshold', { min: 1000, max: 6000, fallback: 2400 }),
    speechEndThresholdMs: wholeNumberField(body, 'MachineDetectionSpeechEndThreshold', { min: 500, max: 5000, fallback: 1200 }),
    silenceTimeoutMs: wholeNumberField(body, 'MachineDetectionSilenceTimeout', { min: 2000, max: 10000, fallback: 5000 }),
  };
}
