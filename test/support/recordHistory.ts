import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';

/** With RECORD_HISTORIES=1, saves a finished workflow's history for the replay test. */
export async function recordHistoryIfAsked(temporalAddress: string, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
    await writeFile(fileURLToPath(new URL(`../../workflows/histories/${name}.json`, import.meta.url)), historyToJSON(history));
  } finally {
    await connection.close();
  }
}
