import { sentenceCase } from './sentenceCase.js';

/**
 * An error the user can read: the API's own message, plus per-field details on a 400, both in sentence
 * case since they are shown as they are.
 */
export class ApiError extends Error {
  constructor(message, { status, details = [] }) {
    super(sentenceCase(message));
    this.name = 'ApiError';
    this.status = status;
    this.details = details
      .filter((detail) => typeof detail === 'object' && detail !== null)
      .map((detail) => ({ ...detail, message: sentenceCase(String(detail.message ?? '')) }));
  }
}

/**
 * The call API as the page uses it. Paths are relative to the page, so the UI also works when the API
 * serves it under a prefix.
 */
export function createApiClient({ baseUrl = document.baseURI, fetch = globalThis.fetch } = {}) {
  async function reach(path, init) {
    try {
      return await fetch(new URL(path, baseUrl), init);
    } catch {
      throw new ApiError('Can’t reach the server. Check that it is running, then try again.', { status: 0 });
    }
  }

  async function request(path, init = {}) {
    const response = await reach(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
    const body = await readJson(response);
    if (!response.ok) {
      throw new ApiError(body?.error || `The server answered ${response.status} ${response.statusText}.`.trim(), {
        status: response.status,
        details: Array.isArray(body?.details) ? body.details : [],
      });
    }
    if (body === undefined) {
      throw new ApiError('The server sent an answer this page does not understand.', { status: response.status });
    }
    return body;
  }

  return {
    async listCalls() {
      return (await request('calls')).calls;
    },
    getCall(id) {
      return request(`calls/${encodeURIComponent(id)}`);
    },
    createCall(body, idempotencyKey) {
      return request('calls', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      });
    },
    /** Sandbox businesses to offer in the form; none when the sandbox is not running. */
    async listSandboxBusinesses() {
      try {
        return (await request('sandbox/businesses')).businesses;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    /** Has a sandbox caller ring the user's number; resolves to `{ callSid, caller: { name } }`. */
    ringFromSandbox(caller = 'dana') {
      return request('sandbox/inbound', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ caller }) });
    },
    callEventsUrl(id) {
      return new URL(`calls/${encodeURIComponent(id)}/events`, baseUrl).href;
    },
    recordingUrl(id) {
      return new URL(`calls/${encodeURIComponent(id)}/recording`, baseUrl).href;
    },
    /** Whether the call's recording can be played yet (it is stored shortly after the call ends). */
    async hasRecording(id) {
      const response = await reach(`calls/${encodeURIComponent(id)}/recording`, { method: 'HEAD' });
      if (response.ok) return true;
      if (response.status === 404 || response.status === 410) return false;
      throw new ApiError(`The server answered ${response.status} ${response.statusText}.`.trim(), { status: response.status });
    },
  };
}

async function readJson(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
