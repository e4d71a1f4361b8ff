import net from 'node:net';

export class PortInUseError extends Error {}

/** Fails with one line per busy port, naming the variable that moves it. */
export async function assertPortsFree(ports: Array<{ port: number; variable: string; what: string }>): Promise<void> {
  const busy: string[] = [];
  for (const p of ports) {
    if (!(await isFree(p.port))) busy.push(`Port ${p.port} (${p.what}) is already in use: stop whatever holds it, or set ${p.variable} to another port.`);
  }
  if (busy.length) throw new PortInUseError(busy.join('\n'));
}

export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** An unused port picked by the OS (for tests that run a whole stack beside a developer's own). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The first of `count` consecutive unused ports (the media-bridge's instances listen side by side). */
export async function freePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await freePort();
    let free = first + count - 1 <= 65535;
    for (let port = first + 1; free && port < first + count; port++) free = await isFree(port);
    if (free) return first;
  }
  throw new Error(`found no ${count} consecutive free ports`);
}
