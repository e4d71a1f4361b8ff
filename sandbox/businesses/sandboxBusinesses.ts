import { BusinessDirectory } from './businessDirectory.js';
import { scriptedBusiness } from './scriptedBusiness.js';
import { acmeTelecom } from './scripts/acmeTelecom.js';
import { busyLine } from './scripts/busyLine.js';
import { nobodyHome } from './scripts/nobodyHome.js';

export const SANDBOX_SCRIPTS = [acmeTelecom, busyLine, nobodyHome];

/** The businesses the sandbox carrier connects calls to. */
export function sandboxBusinessDirectory(): BusinessDirectory {
  return new BusinessDirectory(SANDBOX_SCRIPTS.map(scriptedBusiness));
}
