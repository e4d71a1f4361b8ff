import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyRetryPolicy } from './keyRetryPolicy.js';
import type { MenuVerdict, NotAdvancedReason } from './menuAdvanceWatch.js';

const stuck = (reason: NotAdvancedReason, digits = '1'): MenuVerdict => ({ type: 'not-advanced', reason, digits, pressedAtMs: 0, atMs: 3000, evidence: '' });
const moved = (digits = '1'): MenuVerdict => ({ type: 'advanced', reason: 'hold', digits, pressedAtMs: 0, atMs: 3000, evidence: '' });

test('keys that did not land are pressed once more, and the model is told why', () => {
  const policy = new KeyRetryPolicy();
  policy.modelPressed();
  const step = policy.next(stuck('prompt-repeated'));
  assert.equal(step.type, 'press-again');
  assert.equal(step.type === 'press-again' && step.digits, '1');
  assert.equal(
    step.type === 'press-again' && step.note,
    '[The menu did not take the keys 1 (the menu started its prompt over), so they were pressed once more for you. Listen to what the menu says next.]',
  );
  assert.deepEqual(policy.next(moved()), { type: 'done' });
});

test('after the second miss the model is told to say the option or ask for an agent, and no more keys are pressed', () => {
  const policy = new KeyRetryPolicy();
  policy.modelPressed();
  assert.equal(policy.next(stuck('no-response', '12')).type, 'press-again');
  assert.deepEqual(policy.next(stuck('invalid-option', '12')), {
    type: 'tell-model',
    message:
      '[The keys 12 did not work: they were pressed twice and the menu did not move on (the menu said it did not get a valid choice). ' +
      'Do not press them again. Say the option you want out loud instead, in a few words as the menu named it, or ask for an agent or a representative.]',
  });
});

test('every press the model asks for gets its own retry', () => {
  const policy = new KeyRetryPolicy();
  policy.modelPressed();
  assert.equal(policy.next(stuck('prompt-repeated')).type, 'press-again');
  assert.deepEqual(policy.next(moved()), { type: 'done' });
  policy.modelPressed();
  assert.equal(policy.next(stuck('prompt-repeated', '3')).type, 'press-again', 'a new menu, a new retry');
  assert.equal(policy.next(stuck('prompt-repeated', '3')).type, 'tell-model');
  policy.modelPressed();
  assert.equal(policy.next(stuck('prompt-repeated', '0')).type, 'press-again', 'the model tried something else');
});
