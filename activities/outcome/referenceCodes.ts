import { readSpokenCode } from './spokenCodes.js';

/** The words a company uses before a code it gives out ("your case number is", "su número de referencia es"). */
const CODE_INTRO =
  /\b(case|ticket|claim|dispute|incident|complaint|reference|referencia|confirmation|confirmación|request|order|voucher|rma|tracking|prescription|authorization|escalation|cancellation|suspension|booking|appointment|transaction|refund|return|repair)\b(?:\s+(?:number|no\.?|#|id|code|número))?(?:\s+for\s+(?:the|this|your)\s+\w+)?\s*(?:is|es|:|will be)?\s*/gi;
/** Codes that name the matter itself win the case-number slot over confirmations and references. */
const CASE_LIKE = /^(case|ticket|claim|dispute|incident|complaint)$/i;

export interface ReferenceCodes {
  caseNumber: string | null;
  others: string[];
}

/** Codes the company gave on the call, with the one that identifies the matter picked out as the case number. */
export function findReferenceCodes(companyLines: string[]): ReferenceCodes {
  const found: Array<{ code: string; caseLike: boolean }> = [];
  for (const text of companyLines) {
    for (const match of text.matchAll(CODE_INTRO)) {
      const code = readSpokenCode(text.slice(match.index + match[0].length));
      if (code && !found.some((f) => f.code === code)) found.push({ code, caseLike: CASE_LIKE.test(match[1]) });
    }
  }
  const caseNumber = (found.find((f) => f.caseLike) ?? found[0])?.code ?? null;
  return { caseNumber, others: found.map((f) => f.code).filter((c) => c !== caseNumber) };
}
