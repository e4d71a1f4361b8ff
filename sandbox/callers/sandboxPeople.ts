import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Business } from '../businesses/business.js';
import { scriptedBusiness } from '../businesses/scriptedBusiness.js';
import { loadScenarios } from '../scenarios/scenarioLoader.js';

/** People (not businesses) the sandbox can dial: scenario files in ./people, e.g. Jane's own phone. */
export const PEOPLE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'people');

/** People reachable by phone in the sandbox; they answer like scripted businesses do. */
export function sandboxPeople(): Business[] {
  return loadScenarios([PEOPLE_DIR]).map((script) => scriptedBusiness(script));
}
