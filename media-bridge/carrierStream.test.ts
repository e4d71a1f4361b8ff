import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { describe, it } from 'node:test';
import type WebSocket from 'ws';
import { CarrierStream } from './carrierStream.js';
import { webSocketPair } from './testing/webSocketPair.js';
import type { ServerWebSocket } from './websocket/serverWebSocket.js';

async function pair(): Promise<{ stream: CarrierStream; twilio: WebSocket; problems: string[]; close(): void }> {
  const { server, client, close } = await webSocketPair();
  const problems: string[] = [];
  return { stream: new CarrierStream(server, (p) => problems.push(p)), twilio: client, problems, close };
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
    stream.sendAudio('BBBB', ['pb-2', 'pb-3']);
    stream.sendMark('pb-4');
    stream.clear();
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(sent, [
      { event: 'media', streamSid: 'MZ1', media: { payload: 'AAAA' } },
      { event: 'media', streamSid: 'MZ1', media: { payload: 'BBBB' } },
      { event: 'mark', streamSid: 'MZ1', mark: { name: 'pb-2' } },
      { event: 'mark', streamSid: 'MZ1', mark: { name: 'pb-3' } },
      { event: 'mark', streamSid: 'MZ1', mark: { name: 'pb-4' } },
      { event: 'clear', streamSid: 'MZ1' },
    ]);
    close();
  });
});

describe('carrier media messages, however they are spelled', () => {
  function fakeSocket(): { socket: ServerWebSocket; deliver(text: string): void; sent: string[] } {
    const emitter = new EventEmitter();
    const sent: string[] = [];
    Object.assign(emitter, { send: (text: string) => sent.push(text), sendTexts: (texts: string[]) => sent.push(...texts), close: () => undefined });
    return { socket: emitter as unknown as ServerWebSocket, deliver: (text) => emitter.emit('message', Buffer.from(text), false), sent };
  }

  const media = (fields: string) => `{"event":"media","sequenceNumber":"3","media":{${fields}},"streamSid":"MZ1"}`;
  const cases: Array<[name: string, text: string, expected: Array<[string, number]> | 'malformed']> = [
    ["Twilio's own order", media('"track":"inbound","chunk":"1","timestamp":"5","payload":"no+JhoaJ/w=="'), [['no+JhoaJ/w==', 5]]],
    ['keys in another order', '{"media":{"payload":"AAAA","timestamp":"20","track":"inbound"},"streamSid":"MZ1","event":"media"}', [['AAAA', 20]]],
    ['pretty-printed', JSON.stringify({ event: 'media', media: { track: 'inbound', timestamp: '40', payload: 'BBBB' } }, null, 2), [['BBBB', 40]]],
    ['escapes in the payload', media('"track":"inbound","timestamp":"1","payload":"ab\\/c\\u0064"'), [['ab/cd', 1]]],
    ['non-ASCII elsewhere', '{"event":"media","streamSid":"MZé","media":{"track":"inbound","timestamp":"1","payload":"AAAA"}}', [['AAAA', 1]]],
    ['deeper nesting elsewhere', '{"event":"media","extra":{"a":{"b":"c"}},"media":{"track":"inbound","timestamp":"1","payload":"AAAA"}}', [['AAAA', 1]]],
    ['a duplicate media object: the last counts', '{"event":"media","media":{"track":"inbound","timestamp":"1","payload":"AAAA"},"media":{"track":"inbound","timestamp":"2","payload":"BBBB"}}', [['BBBB', 2]]],
    ['a duplicate event: the last counts', '{"event":"mark","event":"media","media":{"track":"inbound","timestamp":"1","payload":"AAAA"}}', [['AAAA', 1]]],
    ['an outbound track is not relayed', media('"track":"outbound","timestamp":"1","payload":"AAAA"'), []],
    ['timestamps as Number() reads them', media('"track":"inbound","timestamp":"0x10","payload":"AAAA"'), [['AAAA', 16]]],
    ['an empty timestamp', media('"track":"inbound","timestamp":"","payload":"AAAA"'), [['AAAA', 0]]],
    ['a long timestamp', media('"track":"inbound","timestamp":"12345678901234567891","payload":"AAAA"'), [['AAAA', 12345678901234567891]]],
    ['a numeric timestamp', media('"track":"inbound","timestamp":5,"payload":"AAAA"'), 'malformed'],
    ['no payload', media('"track":"inbound","timestamp":"5"'), 'malformed'],
    ['media overwritten by a string', '{"event":"media","media":{"track":"inbound","timestamp":"1","payload":"AAAA"},"media":"x"}', 'malformed'],
    ['a payload key outside media', '{"event":"media","payload":"AAAA","media":{"track":"inbound","timestamp":"1"}}', 'malformed'],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const { socket, deliver } = fakeSocket();
      const problems: string[] = [];
      const stream = new CarrierStream(socket, (p) => problems.push(p));
      const heard: Array<[string, number]> = [];
      stream.on('media', (payload, timestampMs) => heard.push([payload, timestampMs]));
      deliver(text);
      if (expected === 'malformed') {
        assert.deepEqual(heard, []);
        assert.match(problems.join(), /malformed media message/);
      } else {
        assert.deepEqual(heard, expected);
        assert.deepEqual(problems, []);
      }
    });
  }

  it('a mark is read whatever its spelling, and one without a name is reported', () => {
    const { socket, deliver } = fakeSocket();
    const problems: string[] = [];
    const stream = new CarrierStream(socket, (p) => problems.push(p));
    const marks: string[] = [];
    stream.on('mark', (name) => marks.push(name));
    deliver('{"event":"mark","sequenceNumber":"4","streamSid":"MZ1","mark":{"name":"pb-1"}}');
    deliver('{ "mark": { "name": "pb-\\u0032" }, "streamSid": "MZ1", "sequenceNumber": "5", "event": "mark" }');
    deliver('{"event":"mark","sequenceNumber":"6","streamSid":"MZ1","mark":{}}');
    deliver('null');
    assert.deepEqual(marks, ['pb-1', 'pb-2']);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /malformed mark message/);
  });

  it('what we send is exactly the JSON of Twilio\'s three messages', () => {
    const { socket, deliver, sent } = fakeSocket();
    const stream = new CarrierStream(socket, () => undefined);
    stream.sendAudio('AAAA');
    assert.deepEqual(sent, [], 'nothing is sent before the stream has started');
    const streamSid = 'MZ"quoted"';
    deliver(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid, start: { streamSid, accountSid: 'AC1', callSid: 'CA1', tracks: ['inbound'], customParameters: {}, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } } }));
    stream.sendAudio('//8=');
    stream.sendMark('pb-"1"');
    stream.clear();
    assert.deepEqual(sent, [
      JSON.stringify({ event: 'media', streamSid, media: { payload: '//8=' } }),
      JSON.stringify({ event: 'mark', streamSid, mark: { name: 'pb-"1"' } }),
      JSON.stringify({ event: 'clear', streamSid }),
    ]);
  });
});
