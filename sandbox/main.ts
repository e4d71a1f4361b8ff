import path from 'node:path';
import { loadConfig } from '../common/config.js';
import { createLogger } from '../common/logger.js';
import { reportReady } from '../stack/supervisedProcess.js';
import { sandboxBusinessDirectory } from './businesses/sandboxBusinesses.js';
import { startCarrier } from './carrier/carrier.js';
import { selfSignedCert } from './voiceEngine/selfSignedCert.js';
import { startVoiceEngine } from './voiceEngine/voiceEngine.js';

const log = createLogger('sandbox');

/** The outside world, offline: a Twilio-compatible carrier with its businesses, and a Realtime voice engine. */
async function main(): Promise<void> {
  const config = loadConfig();
  const businesses = sandboxBusinessDirectory(process.env.SANDBOX_SCENARIOS?.split(':') ?? []);
  // The TwiML App whose Voice URL (the API's /twilio/agent-leg) brings the AI back into a conference.
  const agentAppSid = config.loopIn.agentAppSid;
  const agentLegUrl = process.env.SANDBOX_AGENT_LEG_URL;
  const carrier = await startCarrier({
    host: '127.0.0.1',
    port: config.sandbox.port,
    accountSid: config.twilio.accountSid,
    authToken: config.twilio.authToken,
    businesses,
    seed: config.sandbox.seed,
    inboundVoiceUrl: process.env.SANDBOX_INBOUND_URL,
    applicationNumber: config.twilio.fromNumber,
    applications: agentLegUrl && agentAppSid ? { [agentAppSid]: agentLegUrl } : undefined,
  });
  const tls = await selfSignedCert(path.join(config.dataDir, 'certs'));
  const engine = await startVoiceEngine({
    host: '127.0.0.1',
    port: config.sandbox.voiceEnginePort,
    tls: config.sandbox.voiceEngineTls ? { key: tls.key, cert: tls.cert } : undefined,
  });
  log.info(`carrier (Twilio API) on ${carrier.url}; voice engine (Realtime API) on ${engine.url}`);
  for (const business of businesses.list()) log.info(`  ${business.number}  ${business.name}`);
  reportReady();
  const stop = async () => {
    await Promise.allSettled([carrier.close(), engine.close()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err) => {
  log.error('sandbox failed to start', { error: (err as Error).message });
  process.exit(1);
});
