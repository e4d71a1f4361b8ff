import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/** A WebSocket pass-through that keeps every JSON message both ways: what the bridge told the model, and its answers. */
export async function startRecordingProxy(targetBase: string): Promise<{ url: string; sent: any[]; received: any[]; close(): Promise<void> }> {
  const sent: any[] = [];
  const received: any[] = [];
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (client, request) => {
    const upstream = new WebSocket(targetBase + request.url, { headers: { authorization: request.headers.authorization ?? '' } });
    const early: string[] = [];
    upstream.on('open', () => early.splice(0).forEach((m) => upstream.send(m)));
    upstream.on('message', (data) => {
      received.push(JSON.parse(data.toString()));
      if (client.readyState === WebSocket.OPEN) client.send(data.toString());
    });
    upstream.on('close', () => client.close());
    client.on('message', (data) => {
      const text = data.toString();
      sent.push(JSON.parse(text));
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else early.push(text);
    });
    client.on('close', () => upstream.close());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    received,
    close: () => new Promise((resolve) => {
      for (const c of wss.clients) c.terminate();
      server.close(() => resolve());
    }),
  };
}
