import type { BusinessScript } from '../businessScript.js';

/** Always engaged. */
export const busyLine: BusinessScript = { id: 'busy-line', name: 'Busy Line', number: '+18005550102', pickup: 'busy' };
