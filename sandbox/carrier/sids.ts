import { createHash, randomBytes } from 'node:crypto';

export type SidPrefix = 'CA' | 'MZ' | 'RE' | 'CF';

/**
 * Twilio-shaped SIDs: a two-letter prefix and 32 lowercase hex digits. With a seed the sequence is
 * reproducible (same seed, same order of calls -> same SIDs), which keeps sandbox runs repeatable.
 */
export function createSidFactory(seed?: string): (prefix: SidPrefix) => string {
  let counter = 0;
  return (prefix) => {
    const hex =
      seed === undefined
        ? randomBytes(16).toString('hex')
        : createHash('sha256').update(`${seed}:${prefix}:${counter++}`).digest('hex').slice(0, 32);
    return prefix + hex;
  };
}
