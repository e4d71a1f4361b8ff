import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { describe, it } from 'node:test';
import { acceptingServer, webSocketPair } from '../testing/webSocketPair.js';

// The `ws` library plays the client (as Twilio's side would): whatever it sends must be read, and whatever
// we send must be what it reads.
describe('server WebSocket end', () => {
  it('exchanges text messages both ways, in order, several to a write', async () => {
    const { server, client, close } = await webSocketPair();
    const heard: string[] = [];
    server.on('message', (data, binary) => heard.push(`${binary ? 'binary' : 'text'}:${data}`));
    client.send('hello');
    client.send('x'.repeat(70_000));
    client.send(Buffer.from('raw'));
    const received: string[] = [];
    client.on('message', (data, binary) => received.push(`${binary ? 'binary' : 'text'}:${String(data).slice(0, 20)}`));
    server.send('one');
    server.sendTexts(['two', 'ü'.repeat(100), '']);
    await until(() => heard.length === 3 && received.length === 4);
    assert.deepEqual(heard.map((h) => h.slice(0, 12)), ['text:hello', `text:${'x'.repeat(7)}`, 'binary:raw']);
    assert.equal(heard[1].length, 'text:'.length + 70_000);
    assert.deepEqual(received, ['text:one', 'text:two', `text:${'ü'.repeat(20)}`, 'text:']);
    close();
  });

  it('reads a message the client sends in fragments, and answers pings', async () => {
    const { server, client, close } = await webSocketPair();
    const heard = once(server, 'message');
    client.send('{"event":', { fin: false });
    client.ping('still there?');
    client.send('"stop"}', { fin: true });
    const [pong] = await once(client, 'pong');
    assert.equal(String(pong), 'still there?');
    assert.equal(String((await heard)[0]), '{"event":"stop"}');
    close();
  });

  it('a close from the client is answered with its status and reported once the connection is gone', async () => {
    const { server, client, close } = await webSocketPair();
    const serverClosed = once(server, 'close');
    const clientClosed = once(client, 'close');
    client.close(4001, 'call over');
    assert.deepEqual(await serverClosed, [4001, 'call over']);
    const [code] = await clientClosed;
    assert.equal(code, 4001);
    assert.equal(server.isOpen, false);
    close();
  });

  it('a close from our side reaches the client with its status and reason, and nothing is sent after it', async () => {
    const { server, client, close } = await webSocketPair();
    const messages: string[] = [];
    client.on('message', (data) => messages.push(String(data)));
    const clientClosed = once(client, 'close');
    const serverClosed = once(server, 'close');
    server.close(1008, 'invalid call token');
    server.send('too late');
    const [code, reason] = await clientClosed;
    assert.equal(code, 1008);
    assert.equal(String(reason), 'invalid call token');
    assert.equal((await serverClosed)[0], 1008, 'the client echoed our status');
    assert.deepEqual(messages, []);
    close();
  });

  it('fails the connection with 1009 when a message is over the limit', async () => {
    const { server, client, close } = await webSocketPair({ maxPayload: 1000 });
    const clientClosed = once(client, 'close');
    const serverClosed = once(server, 'close');
    client.send('y'.repeat(1001));
    assert.equal((await clientClosed)[0], 1009);
    const [code, reason] = await serverClosed;
    assert.equal(code, 1006);
    assert.match(reason, /over 1000 bytes/);
    close();
  });

  it('fails the connection with 1002 on an unmasked frame, and refuses a request that is no handshake', async () => {
    const listening = await acceptingServer();
    const raw = net.connect(listening.port, '127.0.0.1');
    raw.write('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    const server = await listening.accepted();
    const serverClosed = once(server, 'close');
    const bytes: Buffer[] = [];
    raw.on('data', (chunk) => bytes.push(chunk));
    raw.write(Buffer.from([0x81, 0x02, 0x68, 0x69]));
    await once(raw, 'end');
    const reply = Buffer.concat(bytes);
    const head = reply.toString('latin1', 0, reply.indexOf('\r\n\r\n') + 4);
    assert.match(head, /^HTTP\/1.1 101 /);
    assert.match(head, /Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=\r\n/, 'the accept hash of RFC 6455\'s own example');
    const close = reply.subarray(head.length);
    assert.equal(close[0], 0x88);
    assert.equal(close.readUInt16BE(2), 1002);
    assert.match(close.subarray(4).toString(), /masked/);
    assert.equal((await serverClosed)[0], 1006);

    const plain = net.connect(listening.port, '127.0.0.1');
    plain.write('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    const [refusal] = await once(plain, 'data');
    assert.match(String(refusal), /^HTTP\/1.1 426 [^]*Sec-WebSocket-Version: 13\r\n/);
    plain.destroy();
    listening.close();
  });

  it('reports 1006 when the client vanishes without a close frame', async () => {
    const { server, client, close } = await webSocketPair();
    const serverClosed = once(server, 'close');
    client.terminate();
    assert.deepEqual(await serverClosed, [1006, '']);
    close();
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(condition(), 'timed out waiting');
}
