import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Conversation, type RealtimeItem } from './conversation.js';

const assistantSaying = (id: string, transcript: string): RealtimeItem => ({
  id,
  object: 'realtime.item',
  type: 'message',
  status: 'completed',
  role: 'assistant',
  content: [{ type: 'output_audio', transcript }],
});

test('after a truncate the agent only counts the part of its answer that was heard', () => {
  const conversation = new Conversation();
  conversation.add(assistantSaying('item_a', 'one two three four five six seven eight nine ten'), 4000);
  assert.equal(conversation.truncate('item_a', 0, 2000), null);
  assert.deepEqual(conversation.policyView(), [{ kind: 'said', text: 'one two three four five' }]);
});

test('an answer cut before anything was heard counts as nothing said', () => {
  const conversation = new Conversation();
  conversation.add(assistantSaying('item_a', 'Hello there'), 1000);
  conversation.truncate('item_a', 0, 0);
  assert.deepEqual(conversation.policyView(), [{ kind: 'said', text: '' }]);
});

test('only assistant audio can be truncated, and not past its end', () => {
  const conversation = new Conversation();
  conversation.add({ id: 'item_u', object: 'realtime.item', type: 'message', status: 'completed', role: 'user', content: [{ type: 'input_text', text: 'hi' }] });
  conversation.add(assistantSaying('item_a', 'Hello'), 1000);
  assert.equal(conversation.truncate('item_u', 0, 0)?.code, 'invalid_value');
  assert.equal(conversation.truncate('item_a', 0, 1001)?.param, 'audio_end_ms');
  assert.equal(conversation.truncate('item_a', 1, 10)?.param, 'content_index');
});

test('items can be inserted at the root or after a given item, and ids stay unique', () => {
  const conversation = new Conversation();
  conversation.add(assistantSaying('item_b', 'second'));
  assert.deepEqual(conversation.add(assistantSaying('item_a', 'first'), 0, 'root'), { previousItemId: null });
  assert.deepEqual(conversation.add(assistantSaying('item_c', 'third'), 0, 'item_b'), { previousItemId: 'item_b' });
  assert.deepEqual(conversation.policyView().map((entry) => (entry.kind === 'said' ? entry.text : '')), ['first', 'second', 'third']);
  const duplicate = conversation.add(assistantSaying('item_a', 'again'));
  assert.equal('error' in duplicate && duplicate.error.code, 'item_id_exists');
  const missing = conversation.add(assistantSaying('item_d', 'x'), 0, 'item_zzz');
  assert.equal('error' in missing && missing.error.code, 'item_not_found');
});
