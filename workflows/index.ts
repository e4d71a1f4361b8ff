export { callWorkflow } from './callWorkflow.js';
