import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';

const HISTORIES = fileURLToPath(new URL('./histories/', import.meta.url));

// Recorded from real runs (`RECORD_HISTORIES=1 npm test`): a change to callWorkflow that would break
// calls already in flight makes these replays fail.
describe('callWorkflow replays recorded histories', { timeout: 120_000 }, () => {
  it('replays every recorded history without non-determinism', async () => {
    const files = (await readdir(HISTORIES)).filter((f) => f.endsWith('.json')).sort();
    assert.ok(files.length > 0, 'no recorded histories in workflows/histories');
    const histories = await Promise.all(
      files.map(async (file) => ({ workflowId: file.replace(/\.json$/, ''), history: historyFromJSON(JSON.parse(await readFile(HISTORIES + file, 'utf8'))) })),
    );
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: fileURLToPath(new URL('./index.ts', import.meta.url)) }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    assert.deepEqual(failures, []);
  });
});
