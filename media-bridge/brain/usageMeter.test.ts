import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageMeter } from './usageMeter.js';

describe('usage meter', () => {
  it('sums usage over responses and prices audio at the realtime rates', () => {
    const meter = new UsageMeter();
    meter.add({ input_tokens: 1000, output_tokens: 2000, input_token_details: { text_tokens: 400, audio_tokens: 600, cached_tokens: 0 }, output_token_details: { text_tokens: 0, audio_tokens: 2000 } });
    meter.add({ input_tokens: 1000, output_tokens: 0, input_token_details: { text_tokens: 1000, audio_tokens: 0, cached_tokens: 1000, cached_tokens_details: { text_tokens: 1000, audio_tokens: 0 } } });
    assert.equal(meter.totals.responses, 2);
    assert.equal(meter.totals.inputTextTokens, 400);
    assert.equal(meter.totals.cachedInputTokens, 1000);
    // 400*4 + 600*32 + 1000*0.4 + 2000*64 = 149,200 per million tokens
    assert.equal(meter.costUsd, 0.1492);
  });

  it('ignores responses without usage', () => {
    const meter = new UsageMeter();
    meter.add(undefined);
    assert.equal(meter.costUsd, 0);
  });
});
