import type { BusinessScript } from '../businessScript.js';

/** Rings until the caller gives up. */
export const nobodyHome: BusinessScript = { id: 'nobody-home', name: 'Nobody Home', number: '+18005550103', pickup: 'no-answer' };
