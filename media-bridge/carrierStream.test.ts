import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import WebSocket, { WebSocketServer } from 'ws';
import { CarrierStream } from './carrierStream.js';

async function pair(): Promise<{ stream: CarrierStream; twilio: WebSocket; problems: string[]; close(): void }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  const problems: string[] = [];
  const accepted = once(server, 'connection');
  const twilio = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const [socket] = await accepted;
  await once(twilio, 'open');
  return { stream: new CarrierStream(socket, (p) => problems.push(p)), twilio, problems, close: () => (twilio.close(), server.close()) };
}

describe('carrier media stream', () => {
  it('reads Twilio messages, reports malformed ones and ignores unknown ones', async () => {
    const { stream, twilio, problems, close } = await pair();
    const media: string[] = [];
    stream.on('media', (payload) => media.push(payload));
    const started = once(stream, 'start');
    twilio.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
    twilio.send(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid: 'MZ1', start: { streamSid: 'MZ1', accountSid: 'AC1', callSid: 'CA1', tracks: ['inbound'], customParameters: { callId: 'c' }, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } }));
    const [start] = await started;
    assert.equal(start.customParameters.callId, 'c');
    twilio.send(JSON.stringify({ event: 'media', sequenceNumber: '2', streamSid: 'MZ1', media: { track: 'inbound', chunk: '1', timestamp: '20', payload: '//8=' } }));
    twilio.send(JSON.stringify({ event: 'media', sequenceNumber: '3', streamSid: 'MZ1', media: { track: 'inbound', chunk: '2', timestamp: 40 } }));
    twilio.send(JSON.stringify({ event: 'something-new', sequenceNumber: '4' }));
    twilio.send('not json');
    const marked = once(stream, 'mark');
    twilio.send(JSON.stringify({ event: 'mark', sequenceNumber: '5', streamSid: 'MZ1', mark: { name: 'pb-1' } }));
    assert.deepEqual(await marked, ['pb-1']);
    assert.deepEqual(media, ['//8=']);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /malformed media message/);
    assert.match(problems[1], /not JSON/);

    const sent: any[] = [];
    twilio.on('message', (data) => sent.push(JSON.parse(data.toString())));
    stream.sendAudio('AAAA');
    stream.sendMark('pb-2');
    stream.clear();
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(sent, [
      { event: 'media', streamSid: 'MZ1', media: { payload: 'AAAA' } },
      { event: 'mark', streamSid: 'MZ1', mark: { name: 'pb-2' } },
      { event: 'clear', streamSid: 'MZ1' },
    ]);
    close();
  });
});
