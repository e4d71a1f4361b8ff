// The `error` server event body, worded the way OpenAI words its invalid_request_error events.
import type { z } from 'zod';

export interface RealtimeErrorBody {
  type: 'invalid_request_error' | 'server_error';
  code: string | null;
  message: string;
  param: string | null;
  event_id: string | null;
}

export function invalidRequest(code: string, message: string, param: string | null = null): RealtimeErrorBody {
  return { type: 'invalid_request_error', code, message, param, event_id: null };
}

function paramPath(root: string, path: readonly PropertyKey[]): string {
  return [root, ...path]
    .filter((part) => part !== '')
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns the first problem zod found in `data` (a client event or part of one) into OpenAI's error. */
export function errorFromZod(error: z.ZodError, data: unknown, root = ''): RealtimeErrorBody {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const param = paramPath(root, [...issue.path, issue.keys[0]]);
    return invalidRequest('unknown_parameter', `Unknown parameter: '${param}'.`, param);
  }
  const param = paramPath(root, issue.path);
  if (valueAt(data, issue.path) === undefined) {
    return invalidRequest('missing_required_parameter', `Missing required parameter: '${param}'.`, param);
  }
  return invalidRequest('invalid_value', `Invalid value for '${param}': ${issue.message}.`, param);
}
