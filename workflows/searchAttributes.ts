import { defineSearchAttributeKey } from '@temporalio/common';

/** Custom search attributes, registered by the stack at start so calls can be found in the Temporal UI. */
export const SEARCH_ATTRIBUTES = { CallStatus: 'Keyword', CallTo: 'Keyword' } as const;

export const CALL_STATUS_KEY = defineSearchAttributeKey('CallStatus', 'KEYWORD');
export const CALL_TO_KEY = defineSearchAttributeKey('CallTo', 'KEYWORD');
