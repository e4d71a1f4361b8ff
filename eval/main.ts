import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startEphemeralStack } from '../stack/ephemeralStack.js';
import { formatEvalTable } from './evalTable.js';
import { runEval } from './runEval.js';

const USAGE = `npm run eval -- [--filter acme,busy] [--concurrency 3] [--json FILE] [--api URL --sandbox URL]
  Without --api, starts its own stack (like npm start, on free ports and a temporary data directory).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      filter: { type: 'string' },
      concurrency: { type: 'string', default: '3' },
      json: { type: 'string' },
      api: { type: 'string' },
      sandbox: { type: 'string' },
      'call-timeout': { type: 'string', default: '600' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const concurrency = Number(values.concurrency);
  const callTimeoutS = Number(values['call-timeout']);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 20) throw new Error('--concurrency must be a whole number from 1 to 20');
  if (!(callTimeoutS > 0)) throw new Error('--call-timeout must be a number of seconds');
  if (Boolean(values.api) !== Boolean(values.sandbox)) throw new Error('--api and --sandbox go together');

  // Retries come quickly here, so scenarios that need a second call finish in minutes, not hours.
  const stack = values.api ? null : await startEphemeralStack({ RETRY_DELAYS_SECONDS: '5,5' }, (m) => console.error(`stack | ${m}`));
  try {
    const results = await runEval({
      api: values.api ?? stack!.api,
      sandbox: values.sandbox ?? stack!.sandbox,
      filter: values.filter ? values.filter.split(',').map((f) => f.trim()).filter(Boolean) : [],
      concurrency,
      callTimeoutMs: callTimeoutS * 1000,
      onResult: (r) => console.error(`${r.success ? 'pass' : 'FAIL'} ${r.scenario}${r.success ? '' : `: ${r.misses.join('; ')}`}`),
    });
    console.log(formatEvalTable(results));
    if (values.json) await writeFile(values.json, JSON.stringify({ results }, null, 2));
    return results.every((r) => r.success) ? 0 : 1;
  } finally {
    await stack?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`eval failed: ${(err as Error).message}`);
    process.exit(2);
  },
);
