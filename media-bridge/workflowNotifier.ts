import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { Logger } from '../common/logger.js';

/** Signals a call's workflow, retrying briefly: the workflow must hear about every state change. */
export class WorkflowNotifier {
  constructor(private readonly client: Client, private readonly log: Logger) {}

  async signal<T>(workflowId: string, signal: SignalDefinition<[T]>, payload: T, attempts = 5): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.workflow.getHandle(workflowId).signal(signal, payload);
        return;
      } catch (err) {
        const message = (err as Error).message;
        // The last words of a call (its stream closing) often reach the workflow after it has finished.
        if (/already completed/.test(message)) {
          this.log.debug('the call workflow had already finished', { workflowId, signal: signal.name });
          return;
        }
        if ((err as Error).name === 'WorkflowNotFoundError' || attempt >= attempts) {
          this.log.error('could not signal the call workflow', { workflowId, signal: signal.name, error: message });
          return;
        }
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }
}
