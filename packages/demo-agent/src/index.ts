export type { BrainOptions, DemoInput, DemoReply } from './brain.js';
export { answer } from './brain.js';
export type { Customer } from './customers.js';
export { customers } from './customers.js';
export type { DemoConfigOptions } from './demo-config.js';
export { demoConfig, demoGoldenPrompts, pythonMutationTypes } from './demo-config.js';
export type { DemoAgent, DemoAgentOptions } from './server.js';
export { startDemoAgent } from './server.js';
export { DEMO_CANARY, DEMO_SYSTEM_PROMPT } from './system-prompt.js';
