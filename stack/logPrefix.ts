import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const COLORS = [36, 35, 33, 32, 34, 91, 96, 95];
let next = 0;

/** Copies a child's stdout/stderr to ours line by line, each line prefixed with the process's name. */
export function pipeWithPrefix(child: ChildProcess, name: string, hide?: RegExp): void {
  const color = COLORS[next++ % COLORS.length];
  const tag = process.stdout.isTTY ? `\x1b[${color}m${name.padEnd(9)}\x1b[0m|` : `${name.padEnd(9)}|`;
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (!hide?.test(line)) out.write(`${tag} ${line}\n`);
    });
  }
}
