// `npm run scenario:check [FILE|DIR ...]`: validates scenario files without running them. With no
// arguments it checks the built-in scenarios and the folders in SANDBOX_SCENARIOS.
import { scenarioDirs } from './scenarioLoader.js';
import { checkScenarioFiles } from './scenarioSummary.js';

const targets = process.argv.slice(2);
const result = checkScenarioFiles(targets.length > 0 ? targets : scenarioDirs(process.env.SANDBOX_SCENARIOS));
for (const line of result.lines) (line.startsWith('ok: ') ? console.log : console.error)(line);
process.exitCode = result.ok ? 0 : 1;
