import { once } from 'node:events';
import net from 'node:net';
import { FRAME_MS } from '../common/audio/mulaw.js';
import { startBenchChild } from './childLink.js';
import { processCpuMs } from './procStats.js';

export interface TransportFloor {
  calls: number;
  /** The relay's CPU, 100 = one core. */
  relayCpuPct: number;
  /** Its CPU per relayed frame (a message each way on each side), µs. */
  microsPerFrame: number;
}

/** About the size of a Twilio media message with a 20 ms payload. */
const MESSAGE_BYTES = 300;
const SETTLE_MS = 2000;

/**
 * The floor under the bridge's CPU figure: a relay process (bench/floorRelayChild.ts) moving the same
 * messages at the same rate over loopback TCP, with no framing and no work. Here one process both paces
 * the "carrier" side (a message per call every 20 ms, phases spread) and echoes on the "engine" side.
 */
export async function measureTransportFloor(calls: number, measureMs: number, niceness: number | undefined, cpuList: string | undefined): Promise<TransportFloor> {
  const engine = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => socket.write(chunk));
    socket.on('error', () => undefined);
  });
  engine.listen(0, '127.0.0.1');
  await once(engine, 'listening');
  const relay = await startBenchChild(new URL('./floorRelayChild.ts', import.meta.url), [String((engine.address() as net.AddressInfo).port)], { niceness, cpuList });
  const sockets: net.Socket[] = [];
  try {
    for (let i = 0; i < calls; i++) {
      const socket = net.connect(relay.port, '127.0.0.1');
      socket.setNoDelay(true);
      socket.on('error', () => undefined);
      sockets.push(socket);
      await once(socket, 'connect');
    }
    const message = Buffer.alloc(MESSAGE_BYTES, 0x7f);
    const origin = performance.now();
    let sent = 0;
    const pacer = setInterval(() => {
      const due = Math.floor(((performance.now() - origin) / FRAME_MS) * calls);
      for (; sent < due; sent++) sockets[sent % calls].write(message);
    }, 1);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const cpuBefore = processCpuMs(relay.pid);
    const startedAt = performance.now();
    const sentBefore = sent;
    await new Promise((r) => setTimeout(r, measureMs));
    const cpuMs = processCpuMs(relay.pid) - cpuBefore;
    const elapsedMs = performance.now() - startedAt;
    const frames = sent - sentBefore;
    clearInterval(pacer);
    return { calls, relayCpuPct: (cpuMs / elapsedMs) * 100, microsPerFrame: (cpuMs * 1000) / frames };
  } finally {
    for (const socket of sockets) socket.destroy();
    await relay.stop();
    engine.close();
  }
}
