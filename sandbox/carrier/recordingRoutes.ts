import express, { type Request, type Response } from 'express';
import { SAMPLE_RATE } from '../../common/audio/mulaw.js';
import type { CallRecording } from './callRecording.js';
import type { CallRegistry } from './callRegistry.js';
import { callsPath } from './callResource.js';
import { listPage, pageRequest } from './listPage.js';
import { recordingsPath, type RecordingRegistry } from './recordingRegistry.js';
import { recordingResource } from './recordingResource.js';
import { encodeMultichannelWav } from '../speech/wav.js';
import { TwilioApiError, twilioErrors } from './twilioErrors.js';

/** RequestedChannels: 1 downmixes a dual recording; 2 of a mono recording is Twilio's 16113. */
function requestedChannels(request: Request, recorded: 1 | 2): 1 | 2 {
  const raw = request.query.RequestedChannels;
  if (raw === undefined) return recorded;
  if (raw !== '1' && raw !== '2') throw twilioErrors.invalidParameter(`RequestedChannels must be 1 or 2; got ${String(raw)}`);
  if (raw === '2' && recorded === 1) throw new TwilioApiError(16113, 'Cannot download a dual-channel presentation of a mono recording', 400);
  return raw === '2' ? 2 : 1;
}

/** Twilio's Recordings REST API: metadata, media (WAV), lists, and delete. Mounted under the account path. */
export function recordingRoutes(calls: CallRegistry, recordings: RecordingRegistry, accountSid: string): express.Router {
  const router = express.Router({ mergeParams: true });

  const findRecording = (request: Request) => {
    const recording = recordings.get(String(request.params.recordingSid));
    if (!recording) throw twilioErrors.notFound(request.path);
    return recording;
  };
  const render = (recording: CallRecording) => recordingResource(recording, recordings.mediaUrl(recording));

  const sendWav = (request: Request, response: Response) => {
    const recording = findRecording(request);
    const channels = requestedChannels(request, recording.channels);
    const pcm = recording.pcm(channels);
    if (!pcm) throw new TwilioApiError(20404, `Recording ${recording.sid} is ${recording.status}; its media is not available`, 404);
    response.type('audio/x-wav').send(encodeMultichannelWav(pcm, SAMPLE_RATE));
  };

  router.get('/Recordings.json', (request, response) => {
    const page = pageRequest(request.originalUrl);
    const callSid = page.filters.get('CallSid');
    const listed = recordings.newestFirst().filter((recording) => !callSid || recording.callSid === callSid);
    response.json(listPage('recordings', `${recordingsPath(accountSid)}.json`, listed, page, render));
  });
  router.get('/Recordings/:recordingSid.json', (request, response) => {
    response.json(render(findRecording(request)));
  });
  router.delete('/Recordings/:recordingSid.json', (request, response) => {
    recordings.delete(findRecording(request).sid);
    response.status(204).end();
  });
  router.get('/Recordings/:recordingSid.wav', sendWav);
  router.get('/Recordings/:recordingSid.mp3', (request) => {
    findRecording(request);
    throw new TwilioApiError(20001, 'The sandbox carrier cannot encode MP3; download the .wav instead', 415);
  });
  router.get('/Recordings/:recordingSid', sendWav);

  router.get('/Calls/:callSid/Recordings.json', (request, response) => {
    const callSid = String(request.params.callSid);
    if (!calls.get(callSid)) throw twilioErrors.notFound(request.path);
    const page = pageRequest(request.originalUrl);
    const listed = recordings.newestFirst().filter((recording) => recording.callSid === callSid);
    response.json(listPage('recordings', `${callsPath(accountSid)}/${callSid}/Recordings.json`, listed, page, render));
  });
  router.get('/Calls/:callSid/Recordings/:recordingSid.json', (request, response) => {
    const recording = findRecording(request);
    if (recording.callSid !== request.params.callSid) throw twilioErrors.notFound(request.path);
    response.json(render(recording));
  });

  return router;
}
