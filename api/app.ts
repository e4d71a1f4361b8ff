import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../common/config.js';
import type { Logger } from '../common/logger.js';
import type { Pool } from '../db/pool.js';
import type { RecordingStore } from '../storage/recordingStore.js';
import type { LiveUpdates } from './liveUpdates.js';
import { openApiDocument } from './openapi.js';
import { callRoutes } from './routes/calls.js';
import { sandboxRoutes } from './routes/sandboxRoutes.js';
import { twilioWebhookRoutes } from './routes/twilioWebhooks.js';

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));

export function createApp(deps: { pool: Pool; temporal: Client; config: AppConfig; live: LiveUpdates; log: Logger; recordings: RecordingStore }): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.get('/health', (_req, res) => res.json({ ok: true }));
  app.get('/openapi.json', (_req, res) => res.json(openApiDocument));
  app.use(twilioWebhookRoutes(deps));
  app.use(express.json({ limit: '100kb' }));
  app.use(callRoutes(deps));
  app.use(sandboxRoutes(deps.config));
  app.use(express.static(WEB_DIR, { index: 'index.html' }));
  app.use((req, res) => res.status(404).json({ error: `no route for ${req.method} ${req.path}` }));
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'the request body is not valid JSON' });
      return;
    }
    if (err.status && err.status < 500) {
      res.status(err.status).json({ error: err.message });
      return;
    }
    deps.log.error('request failed', { error: err.message });
    res.status(503).json({ error: 'the service could not complete the request; retry with the same Idempotency-Key' });
  });
  return app;
}
