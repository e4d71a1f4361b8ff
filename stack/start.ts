import { ConfigError } from '../common/config.js';
import { launchStack } from './launchStack.js';
import { PortInUseError } from './ports.js';
import { MissingToolError } from './temporalCli.js';

const log = (message: string) => process.stdout.write(`${'stack'.padEnd(9)}| ${message}\n`);

async function main(): Promise<void> {
  let stopping = false;
  const stack = await launchStack(process.env, log);
  log(`ready: open ${stack.urls.app}${stack.urls.temporalUi ? `  (Temporal UI: ${stack.urls.temporalUi})` : ''}. Ctrl-C stops everything.`);
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping every process...`);
    await stack.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  const known = err instanceof ConfigError || err instanceof PortInUseError || err instanceof MissingToolError;
  process.stderr.write(`${known ? err.message : `start-up failed: ${(err as Error).stack ?? err}`}\n`);
  process.exit(1);
});
