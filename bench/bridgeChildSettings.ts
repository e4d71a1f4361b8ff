import { z } from 'zod';

/** What the benchmark tells its bridge child: where the engine stub listens and the shared secrets. */
const bridgeChildSettings = z.object({
  enginePort: z.number().int().min(1).max(65535),
  authToken: z.string().min(1),
  publicUrl: z.string().url(),
  callTokenSecret: z.string().min(1),
});

export type BridgeChildSettings = z.infer<typeof bridgeChildSettings>;

export function formatBridgeChildSettings(settings: BridgeChildSettings): string {
  return JSON.stringify(settings);
}

export function parseBridgeChildSettings(text: string | undefined): BridgeChildSettings {
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    throw new Error('the bridge child takes its settings as one JSON argument');
  }
  const parsed = bridgeChildSettings.safeParse(json);
  if (!parsed.success) throw new Error(`bad bridge child settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
