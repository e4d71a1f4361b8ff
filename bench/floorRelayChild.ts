import net from 'node:net';
import { serveUntilStopped } from './childLink.js';

// The bridge's message pattern with nothing else: every message a "carrier" connection sends is written
// on to that call's "engine" connection, and every reply written back, one write per message. Plain
// TCP, no WebSocket framing, no parsing, no analysis: what moving a call's messages costs a node
// process on this machine before the bridge does anything with them.
const enginePort = Number(process.argv[2]);
if (!Number.isInteger(enginePort) || enginePort <= 0) throw new Error('usage: floorRelayChild.ts ENGINE_PORT');

const server = net.createServer((carrier) => {
  carrier.setNoDelay(true);
  const engine = net.connect(enginePort, '127.0.0.1');
  engine.setNoDelay(true);
  carrier.on('data', (chunk) => engine.write(chunk));
  engine.on('data', (chunk) => carrier.write(chunk));
  const close = () => (carrier.destroy(), engine.destroy());
  carrier.on('close', close);
  engine.on('close', close);
  carrier.on('error', () => undefined);
  engine.on('error', () => undefined);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('floor relay has no port');
  serveUntilStopped(address.port, async () => void server.close());
});
