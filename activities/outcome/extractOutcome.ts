import type OpenAI from 'openai';
import { outcomeSchema, type CallOutcome } from '../../common/outcome.js';
import type { Logger } from '../../common/logger.js';
import { extractOutcomeWithOpenAI } from './openaiExtractor.js';
import { extractOutcomeByRules, type ExtractionInput } from './ruleBasedExtractor.js';

/** With an OpenAI key the model extracts; without one (or if it fails) the rules do. Both are validated. */
export async function extractOutcome(input: ExtractionInput, model: { client: OpenAI; name: string } | null, log: Logger): Promise<CallOutcome> {
  if (model) {
    try {
      return outcomeSchema.parse(await extractOutcomeWithOpenAI(model.client, model.name, input));
    } catch (err) {
      log.warn('model extraction failed; using the rule-based extractor', { error: (err as Error).message });
    }
  }
  return outcomeSchema.parse(extractOutcomeByRules(input));
}
