export { callWorkflow } from './callWorkflow.js';
export { inboundCallWorkflow } from './inboundCallWorkflow.js';
