import { Router } from 'express';
import type { AppConfig } from '../../common/config.js';

/** Lets the web UI offer the sandbox's businesses as call targets while the sandbox runs. */
export function sandboxRoutes(config: AppConfig): Router {
  const router = Router();
  router.get('/sandbox/businesses', async (_req, res) => {
    if (!config.sandbox.enabled) {
      res.status(404).json({ error: 'the sandbox is not running (SANDBOX=off)' });
      return;
    }
    try {
      const response = await fetch(`${config.sandbox.url}/_sandbox/businesses`);
      res.status(response.status).json(await response.json());
    } catch (err) {
      res.status(502).json({ error: `the sandbox did not answer: ${(err as Error).message}` });
    }
  });
  return router;
}
