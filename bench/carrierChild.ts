import type { CarrierRunReport, CarrierRunRequest } from './carrierChildLink.js';
import { serveUntilStopped } from './childLink.js';
import { runSimulatedCarrier } from './simulatedCarrier.js';

// The simulated carrier in its own process, so its pacing competes with neither the engine stub nor
// the benchmark's bookkeeping, and its CPU is measured like the others'.
const report = (message: CarrierRunReport) => process.send?.(message);

process.on('message', (message: CarrierRunRequest) => {
  if (message?.type !== 'run') return;
  void runSimulatedCarrier({
    ...message.settings,
    onMeasureStart: () => report({ type: 'measure-start' }),
    onMeasureEnd: () => report({ type: 'measure-end' }),
  }).then((result) => report({ type: 'result', result }));
});

serveUntilStopped(0, async () => undefined);
