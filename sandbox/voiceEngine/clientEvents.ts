// Parses and validates the client events the engine accepts. Anything else becomes an `error` event
// body (never an exception), carrying the client's event_id like OpenAI does.
import { z } from 'zod';
import { errorFromZod, invalidRequest, type RealtimeErrorBody } from './realtimeErrors.js';
import { toolChoiceSchema, toolSchema } from './sessionConfig.js';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64-encoded audio');

const contentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input_text'), text: z.string() }).strict(),
  z.object({ type: z.literal('input_audio'), audio: base64, transcript: z.string().nullable().optional() }).strict(),
  z.object({ type: z.literal('output_text'), text: z.string() }).strict(),
]);

const itemFields = {
  id: z.string().min(1).optional(),
  object: z.literal('realtime.item').optional(),
  status: z.enum(['completed', 'incomplete', 'in_progress']).optional(),
};

const itemSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('message'), ...itemFields, role: z.enum(['user', 'system', 'assistant']), content: z.array(contentSchema).min(1) })
    .strict()
    .refine(
      (item) => item.content.every((part) => (part.type === 'output_text') === (item.role === 'assistant')),
      { message: "assistant messages take 'output_text' content, user and system messages 'input_text' or 'input_audio'", path: ['content'] },
    ),
  z
    .object({ type: z.literal('function_call'), ...itemFields, call_id: z.string().min(1), name: z.string().min(1), arguments: z.string() })
    .strict(),
  z.object({ type: z.literal('function_call_output'), ...itemFields, call_id: z.string().min(1), output: z.string() }).strict(),
]);

const eventId = { event_id: z.string().optional() };

const clientEventSchemas = {
  'session.update': z.object({ type: z.literal('session.update'), ...eventId, session: z.unknown() }).strict(),
  'input_audio_buffer.append': z.object({ type: z.literal('input_audio_buffer.append'), ...eventId, audio: base64 }).strict(),
  'input_audio_buffer.commit': z.object({ type: z.literal('input_audio_buffer.commit'), ...eventId }).strict(),
  'input_audio_buffer.clear': z.object({ type: z.literal('input_audio_buffer.clear'), ...eventId }).strict(),
  'conversation.item.create': z
    .object({ type: z.literal('conversation.item.create'), ...eventId, previous_item_id: z.string().optional(), item: itemSchema })
    .strict(),
  'conversation.item.truncate': z
    .object({
      type: z.literal('conversation.item.truncate'),
      ...eventId,
      item_id: z.string().min(1),
      content_index: z.number().int().min(0),
      audio_end_ms: z.number().int().min(0),
    })
    .strict(),
  'response.create': z
    .object({
      type: z.literal('response.create'),
      ...eventId,
      response: z
        .object({
          instructions: z.string().optional(),
          tool_choice: toolChoiceSchema.optional(),
          tools: z.array(toolSchema).optional(),
          output_modalities: z.array(z.enum(['audio', 'text'])).optional(),
          conversation: z.string().optional(),
          metadata: z.record(z.string(), z.string()).nullable().optional(),
          max_output_tokens: z.union([z.number().int().positive(), z.literal('inf')]).optional(),
          audio: z.unknown().optional(),
          input: z.array(z.unknown()).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'response.cancel': z.object({ type: z.literal('response.cancel'), ...eventId, response_id: z.string().optional() }).strict(),
};

const NOT_IMPLEMENTED = new Set(['conversation.item.delete', 'conversation.item.retrieve', 'output_audio_buffer.clear']);

type Schemas = typeof clientEventSchemas;
export type ClientEvent = { [K in keyof Schemas]: z.infer<Schemas[K]> }[keyof Schemas];
export type ClientEventOf<T extends ClientEvent['type']> = Extract<ClientEvent, { type: T }>;
export type ConversationItemInput = z.infer<typeof itemSchema>;

function withEventId(error: RealtimeErrorBody, data: unknown): RealtimeErrorBody {
  const id = typeof data === 'object' && data !== null ? (data as { event_id?: unknown }).event_id : undefined;
  return typeof id === 'string' ? { ...error, event_id: id } : error;
}

export function parseClientEvent(text: string): { event: ClientEvent } | { error: RealtimeErrorBody } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: invalidRequest('invalid_json', "We could not parse the JSON body of your request. Expected a JSON object with a 'type'.") };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { error: invalidRequest('invalid_type', 'Expected a JSON object with a string `type`.', 'type') };
  }
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string') {
    return { error: withEventId(invalidRequest('missing_required_parameter', "Missing required parameter: 'type'.", 'type'), data) };
  }
  if (NOT_IMPLEMENTED.has(type)) {
    const message = `'${type}' is a Realtime client event the sandbox voice engine does not implement.`;
    return { error: withEventId(invalidRequest('unsupported_event', message, 'type'), data) };
  }
  if (!Object.hasOwn(clientEventSchemas, type)) {
    const supported = Object.keys(clientEventSchemas).join(', ');
    const message = `Invalid value: '${type}'. Supported values are: ${supported}.`;
    return { error: withEventId(invalidRequest('invalid_value', message, 'type'), data) };
  }
  const parsed = clientEventSchemas[type as keyof Schemas].safeParse(data);
  if (!parsed.success) return { error: withEventId(errorFromZod(parsed.error, data), data) };
  return { event: parsed.data as ClientEvent };
}
