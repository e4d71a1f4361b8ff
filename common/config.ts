import { z } from 'zod';

// Every default serves the local sandbox, so `npm start` needs no keys. Going live means setting the
// Twilio / OpenAI variables; nothing in code changes.
export const SANDBOX_ACCOUNT_SID = 'AC00000000000000000000000000000001';
export const SANDBOX_AUTH_TOKEN = 'sandbox-auth-token';
const DEFAULT_CALL_TOKEN_SECRET = 'local-sandbox-call-token-secret';
/** The sandbox's TwiML App: participants dialed to it join a conference as a media stream to the bridge. */
export const SANDBOX_AGENT_APP_SID = 'AP' + '0'.repeat(31) + '1';
/** "Jane's phone", the user's mobile in the sandbox. */
export const SANDBOX_USER_PHONE = '+15550100100';
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 number like +12125550100');

const port = z.coerce.number().int().min(1).max(65535);
const url = z.string().url();
const optionalString = z.string().trim().min(1).optional();

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  API_PORT: port.default(3000),
  BRIDGE_PORT: port.default(3001),
  BRIDGE_INSTANCES: z.coerce.number().int().min(1).max(32).default(1),
  BRIDGE_INSTANCE: z.coerce.number().int().min(0).default(0),
  SANDBOX_PORT: port.default(3100),
  VOICE_ENGINE_PORT: port.default(3200),
  PG_PORT: port.default(5433),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  PUBLIC_URL: url.optional(),
  BRIDGE_PUBLIC_URL: url.optional(),
  DATABASE_URL: url.optional(),
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'expected host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('calls'),
  TEMPORAL_CLI: optionalString,
  SANDBOX: z.enum(['on', 'off']).optional(),
  SANDBOX_SEED: z.string().min(1).default('sandbox'),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'expected "AC" followed by 32 hex digits').optional(),
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM_NUMBER: e164.default('+12125550100'),
  TWILIO_AGENT_APP_SID: z.string().regex(/^AP[0-9a-fA-F]{32}$/, 'expected "AP" followed by 32 hex digits (a TwiML App SID)').optional(),
  USER_PHONE_NUMBER: e164.optional(),
  RECORDING_ANNOUNCEMENT: z.string().trim().min(5).max(300).default('Just so you know, this call is being recorded.'),
  TWILIO_API_BASE_URL: url.optional(),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url.optional(),
  OPENAI_CA_FILE: optionalString,
  OPENAI_TURN_DETECTION: z.enum(['server_vad', 'semantic_vad']).default('server_vad'),
  OPENAI_VAD_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
  OPENAI_VAD_PREFIX_PADDING_MS: z.coerce.number().int().min(0).max(2000).default(300),
  OPENAI_VAD_SILENCE_MS: z.coerce.number().int().min(100).max(5000).default(500),
  OPENAI_VAD_EAGERNESS: z.enum(['low', 'medium', 'high', 'auto']).default('auto'),
  VOICE_ENGINE_TLS: z.enum(['on', 'off']).default('on'),
  OPENAI_REALTIME_MODEL: z.string().min(1).default('gpt-realtime'),
  OPENAI_VOICE: z.string().min(1).default('marin'),
  OPENAI_EXTRACTION_MODEL: z.string().min(1).default('gpt-4o-mini'),
  CALL_TOKEN_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEFAULT_CALL_TOKEN_SECRET),
  INBOUND_OWNER_NAME: z.string().trim().min(1).max(120).default('the account owner'),
  INBOUND_INSTRUCTIONS: z.string().trim().min(1).max(2000).default("Take a message: the caller's name, a callback number and the reason for the call."),
  RING_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(45),
  RETRY_DELAYS_SECONDS: z
    .string()
    .regex(/^(\d+(,\d+)*)?$/, 'expected comma-separated seconds, e.g. 120,600,3600 (empty: never retry)')
    .default('120,600,3600'),
  TIME_ZONE: z.string().refine(isTimeZone, 'expected an IANA time zone such as America/New_York').default(Intl.DateTimeFormat().resolvedOptions().timeZone),
  MAX_CALL_MINUTES: z.coerce.number().positive().default(90),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  sandbox: { enabled: boolean; port: number; url: string; seed: string; voiceEnginePort: number; voiceEngineTls: boolean };
  api: { port: number; publicUrl: string };
  /**
   * The media-bridge: BRIDGE_INSTANCES processes, instance i on `ports[i]` (BRIDGE_PORT + i) with `streamUrls[i]`.
   * `port` and `publicUrl` are this process's own (BRIDGE_INSTANCE); the API sends each call to one of
   * `streamUrls` (see bridgeInstance.ts).
   */
  bridge: { instance: number; port: number; publicUrl: string; ports: number[]; streamUrls: string[] };
  database: { url: string | undefined; embeddedPort: number };
  temporal: { address: string; port: number; uiPort: number; namespace: string; taskQueue: string; cli: string | undefined };
  twilio: { accountSid: string; authToken: string; fromNumber: string; apiBaseUrl: string | undefined };
  openai: {
    apiKey: string;
    baseUrl: string | undefined;
    caFile: string | undefined;
    realtimeModel: string;
    voice: string;
    turnDetection: TurnDetectionConfig;
    extractionModel: string;
    local: boolean;
  };
  callTokenSecret: string;
  maxCallMinutes: number;
  /** How long a call may ring before it counts as unanswered. */
  ringTimeoutSeconds: number;
  /** Waits before each further attempt of a busy, unanswered or dropped call. */
  retryDelaysSeconds: number[];
  /** The user's time zone: the day a call happened, relative dates in outcomes. */
  timeZone: string;
  /** How the agent answers calls to the user's own number. */
  inbound: { ownerName: string; instructions: string };
  /**
   * Looping the user into a live call: their phone, and the TwiML App (Voice URL: /twilio/agent-leg) through
   * which the agent rejoins the call as a conference participant. Without both, the agent cannot bring them in.
   */
  loopIn: { userPhone: string | undefined; agentAppSid: string | undefined };
  /** What the agent says when a recorded call reaches a person, unless the call sets its own text. */
  recordingAnnouncement: string;
}

export type TurnDetectionConfig =
  | { type: 'server_vad'; threshold: number; prefix_padding_ms: number; silence_duration_ms: number }
  | { type: 'semantic_vad'; eagerness: 'low' | 'medium' | 'high' | 'auto' };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const liveTwilio = Boolean(e.TWILIO_ACCOUNT_SID);
  if (liveTwilio && !e.TWILIO_AUTH_TOKEN) problems.push('TWILIO_AUTH_TOKEN: required when TWILIO_ACCOUNT_SID is set');
  const liveOpenai = Boolean(e.OPENAI_API_KEY);
  const sandboxEnabled = e.SANDBOX ? e.SANDBOX === 'on' : !(liveTwilio && liveOpenai);
  if (!sandboxEnabled && e.CALL_TOKEN_SECRET === DEFAULT_CALL_TOKEN_SECRET) problems.push('CALL_TOKEN_SECRET: set a long random secret outside the sandbox');
  if (liveTwilio && !e.PUBLIC_URL) problems.push('PUBLIC_URL: required with real Twilio (the https address Twilio can reach, e.g. a tunnel)');
  if (e.BRIDGE_INSTANCE >= e.BRIDGE_INSTANCES) problems.push(`BRIDGE_INSTANCE: ${e.BRIDGE_INSTANCE} is not one of the ${e.BRIDGE_INSTANCES} instances (0 to ${e.BRIDGE_INSTANCES - 1})`);
  if (e.BRIDGE_PORT + e.BRIDGE_INSTANCES - 1 > 65535) problems.push(`BRIDGE_PORT: ${e.BRIDGE_INSTANCES} instances from port ${e.BRIDGE_PORT} would run past 65535`);
  if (problems.length) throw new ConfigError(problems);

  const sandboxUrl = `http://127.0.0.1:${e.SANDBOX_PORT}`;
  return {
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    sandbox: {
      enabled: sandboxEnabled, port: e.SANDBOX_PORT, url: sandboxUrl, seed: e.SANDBOX_SEED,
      voiceEnginePort: e.VOICE_ENGINE_PORT, voiceEngineTls: e.VOICE_ENGINE_TLS === 'on',
    },
    api: { port: e.API_PORT, publicUrl: stripSlash(e.PUBLIC_URL ?? `http://127.0.0.1:${e.API_PORT}`) },
    bridge: bridgeConfig(e),
    database: { url: e.DATABASE_URL, embeddedPort: e.PG_PORT },
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? `127.0.0.1:${e.TEMPORAL_PORT}`,
      port: e.TEMPORAL_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      cli: e.TEMPORAL_CLI,
    },
    twilio: {
      accountSid: e.TWILIO_ACCOUNT_SID ?? SANDBOX_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN ?? SANDBOX_AUTH_TOKEN,
      fromNumber: e.TWILIO_FROM_NUMBER,
      apiBaseUrl: e.TWILIO_API_BASE_URL ? stripSlash(e.TWILIO_API_BASE_URL) : liveTwilio ? undefined : sandboxUrl,
    },
    openai: {
      apiKey: e.OPENAI_API_KEY ?? 'sandbox',
      baseUrl: e.OPENAI_BASE_URL ?? (liveOpenai ? undefined : `${e.VOICE_ENGINE_TLS === 'on' ? 'https' : 'http'}://127.0.0.1:${e.VOICE_ENGINE_PORT}/v1`),
      caFile: e.OPENAI_CA_FILE,
      realtimeModel: e.OPENAI_REALTIME_MODEL,
      voice: e.OPENAI_VOICE,
      turnDetection:
        e.OPENAI_TURN_DETECTION === 'server_vad'
          ? { type: 'server_vad', threshold: e.OPENAI_VAD_THRESHOLD, prefix_padding_ms: e.OPENAI_VAD_PREFIX_PADDING_MS, silence_duration_ms: e.OPENAI_VAD_SILENCE_MS }
          : { type: 'semantic_vad', eagerness: e.OPENAI_VAD_EAGERNESS },
      extractionModel: e.OPENAI_EXTRACTION_MODEL,
      local: !liveOpenai,
    },
    callTokenSecret: e.CALL_TOKEN_SECRET,
    maxCallMinutes: e.MAX_CALL_MINUTES,
    timeZone: e.TIME_ZONE,
    ringTimeoutSeconds: e.RING_TIMEOUT_SECONDS,
    retryDelaysSeconds: e.RETRY_DELAYS_SECONDS ? e.RETRY_DELAYS_SECONDS.split(',').map(Number) : [],
    inbound: { ownerName: e.INBOUND_OWNER_NAME, instructions: e.INBOUND_INSTRUCTIONS },
    loopIn: {
      userPhone: e.USER_PHONE_NUMBER ?? (liveTwilio ? undefined : SANDBOX_USER_PHONE),
      agentAppSid: e.TWILIO_AGENT_APP_SID ?? (liveTwilio ? undefined : SANDBOX_AGENT_APP_SID),
    },
    recordingAnnouncement: e.RECORDING_ANNOUNCEMENT,
  };
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function stripSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

function bridgeConfig(e: Env): AppConfig['bridge'] {
  const ports = Array.from({ length: e.BRIDGE_INSTANCES }, (_, i) => e.BRIDGE_PORT + i);
  const streamUrls = ports.map((port, i) => {
    const base = e.BRIDGE_PUBLIC_URL ?? defaultBridgeUrl(e.PUBLIC_URL, port);
    if (e.BRIDGE_INSTANCES === 1) return base;
    // Each instance's path names it, so a stream a proxy routes to the wrong instance is refused rather
    // than started on a process that does not hold its call.
    const url = new URL(base);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/${i}`;
    return url.toString();
  });
  return { instance: e.BRIDGE_INSTANCE, port: ports[e.BRIDGE_INSTANCE], publicUrl: streamUrls[e.BRIDGE_INSTANCE], ports, streamUrls };
}

// In production the bridge sits behind the same public host as the API (a reverse proxy routes /media).
function defaultBridgeUrl(publicUrl: string | undefined, bridgePort: number): string {
  if (!publicUrl) return `ws://127.0.0.1:${bridgePort}/media`;
  const u = new URL(publicUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = '/media';
  return u.toString();
}
