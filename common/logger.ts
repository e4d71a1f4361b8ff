// Plain one-line logs; the launcher prefixes each process's lines with its name.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export function createLogger(scope: string, level: LogLevel = (process.env.LOG_LEVEL as LogLevel) ?? 'info'): Logger {
  const threshold = LEVELS[level] ?? LEVELS.info;
  const write = (lvl: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVELS[lvl] < threshold) return;
    const extra = fields && Object.keys(fields).length ? ' ' + formatFields(fields) : '';
    const line = `${lvl.padEnd(5)} ${scope ? scope + ': ' : ''}${message}${extra}\n`;
    (lvl === 'error' || lvl === 'warn' ? process.stderr : process.stdout).write(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (sub) => createLogger(scope ? `${scope}/${sub}` : sub, level),
  };
}

function formatFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${v instanceof Error ? JSON.stringify(v.message) : typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v)}`)
    .join(' ');
}
