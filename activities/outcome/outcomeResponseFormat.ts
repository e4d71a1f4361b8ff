import { zodResponseFormat } from 'openai/helpers/zod';
import { outcomeSchema } from '../../common/outcome.js';

/** What the model fills in: the stored outcome minus `confirmedFields`, which only the call itself can supply. */
export const modelOutcomeSchema = outcomeSchema.omit({ confirmedFields: true });

/** The structured-outputs response format, generated from the zod schema so the two cannot drift apart. */
export function outcomeResponseFormat() {
  return zodResponseFormat(modelOutcomeSchema, 'call_outcome');
}
