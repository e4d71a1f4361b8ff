import { Router } from 'express';
import { z } from 'zod';
import type { AppConfig } from '../../common/config.js';

const PICKUP_DESCRIPTIONS: Record<string, string> = {
  answer: 'Answers and helps',
  busy: 'Always busy',
  'no-answer': 'Never answers',
};
const sandboxBusinesses = z.array(z.object({ id: z.string(), name: z.string(), number: z.string(), pickup: z.string(), description: z.string().optional() }));

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
      const businesses = sandboxBusinesses.parse(await response.json());
      res.json({
        businesses: businesses.map((b) => ({ id: b.id, name: b.name, phoneNumber: b.number, description: b.description ?? PICKUP_DESCRIPTIONS[b.pickup] ?? b.pickup })),
      });
    } catch (err) {
      res.status(502).json({ error: `the sandbox did not answer: ${(err as Error).message}` });
    }
  });
  // A sandbox caller rings the user's number (what `npm run sandbox:call-in` does), for the UI's button.
  router.post('/sandbox/inbound', async (req, res) => {
    if (!config.sandbox.enabled) return void res.status(404).json({ error: 'the sandbox is not running (SANDBOX=off)' });
    const caller = typeof req.body?.caller === 'string' ? req.body.caller : undefined;
    try {
      const response = await fetch(`${config.sandbox.url}/_sandbox/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ caller, to: config.twilio.fromNumber }),
      });
      res.status(response.status).json(await response.json());
    } catch (err) {
      res.status(502).json({ error: `the sandbox did not answer: ${(err as Error).message}` });
    }
  });
  return router;
}
