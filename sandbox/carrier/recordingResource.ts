import { API_VERSION } from './apiVersion.js';
import type { CallRecording } from './callRecording.js';
import { recordingsPath } from './recordingRegistry.js';
import { rfc2822 } from './statusCallbacks.js';

/** The recording as Twilio's 2010-04-01 Recording resource renders it. */
export function recordingResource(recording: CallRecording, mediaUrl: string) {
  const base = `${recordingsPath(recording.accountSid)}/${recording.sid}`;
  return {
    account_sid: recording.accountSid,
    api_version: API_VERSION,
    call_sid: recording.callSid,
    conference_sid: null,
    date_created: rfc2822(recording.dateCreated),
    date_updated: rfc2822(recording.dateUpdated),
    start_time: rfc2822(recording.startTime),
    // Twilio reports -1 while a recording is still in progress.
    duration: recording.durationSeconds === null ? '-1' : String(recording.durationSeconds),
    sid: recording.sid,
    price: null,
    price_unit: 'USD',
    status: recording.status,
    channels: recording.channels,
    source: 'OutboundAPI',
    error_code: recording.status === 'absent' ? 16101 : null,
    uri: `${base}.json`,
    encryption_details: null,
    subresource_uris: {
      add_on_results: `${base}/AddOnResults.json`,
      transcriptions: `${base}/Transcriptions.json`,
    },
    media_url: mediaUrl,
  };
}
