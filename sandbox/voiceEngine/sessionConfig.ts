// The Realtime session object: its defaults, how `session.update` merges into it, and what the
// engine's turn detector makes of its VAD settings.
import { z } from 'zod';
import { errorFromZod, invalidRequest, type RealtimeErrorBody } from './realtimeErrors.js';
import { newId } from './realtimeIds.js';

const formatSchema = z.object({ type: z.string(), rate: z.number().optional() }).strict();

const serverVadSchema = z
  .object({
    type: z.literal('server_vad'),
    threshold: z.number().min(0).max(1).optional(),
    prefix_padding_ms: z.number().int().min(0).optional(),
    silence_duration_ms: z.number().int().min(0).optional(),
    idle_timeout_ms: z.number().int().min(0).nullable().optional(),
    create_response: z.boolean().optional(),
    interrupt_response: z.boolean().optional(),
  })
  .strict();

const semanticVadSchema = z
  .object({
    type: z.literal('semantic_vad'),
    eagerness: z.enum(['low', 'medium', 'high', 'auto']).optional(),
    create_response: z.boolean().optional(),
    interrupt_response: z.boolean().optional(),
  })
  .strict();

export const toolSchema = z
  .object({
    type: z.literal('function'),
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.unknown().optional(),
  })
  .strict();

export const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.object({ type: z.literal('function'), name: z.string().min(1) }).strict(),
]);

export const sessionUpdateSchema = z
  .object({
    type: z.literal('realtime'),
    model: z.string().min(1).optional(),
    instructions: z.string().optional(),
    output_modalities: z.array(z.enum(['audio', 'text'])).optional(),
    tools: z.array(toolSchema).optional(),
    tool_choice: toolChoiceSchema.optional(),
    max_output_tokens: z.union([z.number().int().positive(), z.literal('inf')]).optional(),
    audio: z
      .object({
        input: z
          .object({
            format: formatSchema.optional(),
            transcription: z
              .object({ model: z.string().optional(), language: z.string().optional(), prompt: z.string().optional() })
              .strict()
              .nullable()
              .optional(),
            noise_reduction: z.object({ type: z.enum(['near_field', 'far_field']) }).strict().nullable().optional(),
            turn_detection: z.discriminatedUnion('type', [serverVadSchema, semanticVadSchema]).nullable().optional(),
          })
          .strict()
          .optional(),
        output: z
          .object({ format: formatSchema.optional(), voice: z.string().min(1).optional(), speed: z.number().min(0.25).max(1.5).optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    include: z.array(z.string()).nullable().optional(),
    tracing: z.unknown().optional(),
    truncation: z.unknown().optional(),
    prompt: z.unknown().optional(),
  })
  .strict();

export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;
export type TurnDetection = z.infer<typeof serverVadSchema> | z.infer<typeof semanticVadSchema>;
export type ToolChoice = z.infer<typeof toolChoiceSchema>;
export type Tool = z.infer<typeof toolSchema>;

export interface Session {
  type: 'realtime';
  object: 'realtime.session';
  id: string;
  model: string;
  output_modalities: ['audio'];
  instructions: string;
  tools: Tool[];
  tool_choice: ToolChoice;
  max_output_tokens: number | 'inf';
  tracing: unknown;
  truncation: unknown;
  prompt: unknown;
  include: string[] | null;
  expires_at: number;
  audio: {
    input: {
      format: { type: 'audio/pcmu' };
      transcription: { model?: string; language?: string; prompt?: string } | null;
      noise_reduction: { type: 'near_field' | 'far_field' } | null;
      turn_detection: TurnDetection | null;
    };
    output: { format: { type: 'audio/pcmu' }; voice: string; speed: number };
  };
}

const SESSION_LIFETIME_S = 60 * 60;

function withDefaults(turnDetection: TurnDetection): TurnDetection {
  if (turnDetection.type === 'semantic_vad') {
    return { eagerness: 'auto', create_response: true, interrupt_response: true, ...turnDetection };
  }
  return {
    threshold: 0.5,
    prefix_padding_ms: 300,
    silence_duration_ms: 500,
    idle_timeout_ms: null,
    create_response: true,
    interrupt_response: true,
    ...turnDetection,
  };
}

// The sandbox speaks only what the phone line carries; unlike OpenAI (default audio/pcm 24 kHz) it
// starts in audio/pcmu so a client that never sets a format still gets telephone audio.
export function initialSession(model: string): Session {
  return {
    type: 'realtime',
    object: 'realtime.session',
    id: newId('sess'),
    model,
    output_modalities: ['audio'],
    instructions: 'You are a helpful assistant. (Sandbox voice engine: a rule-based test double.)',
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    tracing: null,
    truncation: 'auto',
    prompt: null,
    include: null,
    expires_at: Math.floor(Date.now() / 1000) + SESSION_LIFETIME_S,
    audio: {
      input: {
        format: { type: 'audio/pcmu' },
        transcription: null,
        noise_reduction: null,
        turn_detection: withDefaults({ type: 'server_vad' }),
      },
      output: { format: { type: 'audio/pcmu' }, voice: 'marin', speed: 1 },
    },
  };
}

function unsupportedFormat(param: string, type: string): RealtimeErrorBody {
  return invalidRequest(
    'invalid_value',
    `The sandbox voice engine only supports 'audio/pcmu' (8 kHz G.711 mu-law); got '${type}'.`,
    param,
  );
}

/** Validates a `session.update` payload and merges it into the current session. */
export function applySessionUpdate(current: Session, payload: unknown): { session: Session } | { error: RealtimeErrorBody } {
  const parsed = sessionUpdateSchema.safeParse(payload);
  if (!parsed.success) return { error: errorFromZod(parsed.error, payload, 'session') };
  const update = parsed.data;

  const inputFormat = update.audio?.input?.format?.type;
  if (inputFormat !== undefined && inputFormat !== 'audio/pcmu') {
    return { error: unsupportedFormat('session.audio.input.format.type', inputFormat) };
  }
  const outputFormat = update.audio?.output?.format?.type;
  if (outputFormat !== undefined && outputFormat !== 'audio/pcmu') {
    return { error: unsupportedFormat('session.audio.output.format.type', outputFormat) };
  }
  if (update.output_modalities && (update.output_modalities.length !== 1 || update.output_modalities[0] !== 'audio')) {
    return {
      error: invalidRequest('invalid_value', "The sandbox voice engine only produces audio: use output_modalities ['audio'].", 'session.output_modalities'),
    };
  }

  const input = update.audio?.input;
  const output = update.audio?.output;
  const turnDetection = input?.turn_detection;
  return {
    session: {
      ...current,
      model: update.model ?? current.model,
      instructions: update.instructions ?? current.instructions,
      tools: update.tools ?? current.tools,
      tool_choice: update.tool_choice ?? current.tool_choice,
      max_output_tokens: update.max_output_tokens ?? current.max_output_tokens,
      include: update.include !== undefined ? update.include : current.include,
      tracing: update.tracing !== undefined ? update.tracing : current.tracing,
      truncation: update.truncation !== undefined ? update.truncation : current.truncation,
      prompt: update.prompt !== undefined ? update.prompt : current.prompt,
      audio: {
        input: {
          format: current.audio.input.format,
          transcription: input?.transcription !== undefined ? input.transcription : current.audio.input.transcription,
          noise_reduction: input?.noise_reduction !== undefined ? input.noise_reduction : current.audio.input.noise_reduction,
          turn_detection:
            turnDetection === undefined ? current.audio.input.turn_detection : turnDetection && withDefaults(turnDetection),
        },
        output: {
          format: current.audio.output.format,
          voice: output?.voice ?? current.audio.output.voice,
          speed: output?.speed ?? current.audio.output.speed,
        },
      },
    },
  };
}

/** Names of the tools the model may call in a response, given the declared tools and the tool choice. */
export function callableTools(tools: readonly Tool[], choice: ToolChoice): Set<string> {
  if (choice === 'none') return new Set();
  if (typeof choice === 'object') return new Set(tools.filter((tool) => tool.name === choice.name).map((tool) => tool.name));
  return new Set(tools.map((tool) => tool.name));
}
