import { loadScenarios, scenarioDirs } from '../scenarios/scenarioLoader.js';
import { BusinessDirectory } from './businessDirectory.js';
import { scriptedBusiness } from './scriptedBusiness.js';

/**
 * The businesses the sandbox carrier connects calls to: the built-in scenarios (sandbox/scenarios)
 * plus those in `extraDirs` (SANDBOX_SCENARIOS), listed by phone number. Throws a ScenarioLoadError
 * naming every invalid file.
 */
export function sandboxBusinessDirectory(extraDirs: readonly string[] = []): BusinessDirectory {
  const scripts = loadScenarios(scenarioDirs(extraDirs)).sort((a, b) => a.number.localeCompare(b.number));
  return new BusinessDirectory(scripts.map((script) => scriptedBusiness(script)));
}
