import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../common/logger.js';

export interface CallUpdate {
  callId: string;
  kind: 'status' | 'transcript' | 'outcome' | 'partial';
  rowId: string;
  partial?: { speaker: 'agent' | 'callee'; itemId: string; text: string };
}

/** Relays Postgres NOTIFYs on `call_updates` to in-process subscribers, keyed by call id. */
export class LiveUpdates {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private closed = false;

  constructor(private readonly databaseUrl: string, private readonly log: Logger) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      try {
        const update = JSON.parse(message.payload ?? '') as CallUpdate;
        this.emitter.emit(update.callId, update);
      } catch {
        this.log.warn('ignoring a malformed call_updates notification', { payload: message.payload });
      }
    });
    // A dropped LISTEN connection would silently freeze every open page; reconnect instead.
    client.on('error', (err) => {
      this.log.warn('live updates connection lost; reconnecting', { error: err.message });
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => this.start().catch((e) => this.log.error('reconnect failed', { error: e.message })), 1000);
    });
    await client.connect();
    await client.query('LISTEN call_updates');
    this.client = client;
  }

  subscribe(callId: string, listener: (update: CallUpdate) => void): () => void {
    this.emitter.on(callId, listener);
    return () => this.emitter.off(callId, listener);
  }

  async stop(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}
