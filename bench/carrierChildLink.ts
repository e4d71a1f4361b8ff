import type { BenchChild } from './childLink.js';
import type { CarrierRunOptions, CarrierRunResult } from './simulatedCarrier.js';

export type CarrierRunSettings = Omit<CarrierRunOptions, 'onMeasureStart' | 'onMeasureEnd'>;

/** Parent to carrier child. */
export interface CarrierRunRequest {
  type: 'run';
  settings: CarrierRunSettings;
}

/** Carrier child to parent: the window opening and closing (so the parent samples /proc then), and the figures. */
export type CarrierRunReport = { type: 'measure-start' } | { type: 'measure-end' } | { type: 'result'; result: CarrierRunResult };

/** Runs the simulated carrier in its child process, calling the hooks as the measurement window opens and closes. */
export function runCarrierInChild(
  child: BenchChild,
  settings: CarrierRunSettings,
  hooks: { onMeasureStart(): void; onMeasureEnd(): void },
): Promise<CarrierRunResult> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error('the carrier process exited during the run'));
    const onMessage = (message: CarrierRunReport) => {
      if (message?.type === 'measure-start') hooks.onMeasureStart();
      else if (message?.type === 'measure-end') hooks.onMeasureEnd();
      else if (message?.type === 'result') {
        child.process.off('message', onMessage);
        child.process.off('exit', onExit);
        resolve(message.result);
      }
    };
    child.process.on('message', onMessage);
    child.process.once('exit', onExit);
    child.process.send({ type: 'run', settings } satisfies CarrierRunRequest);
  });
}
