export { startMockServer } from './server.ts';
export type { MockOptions, MockServer } from './server.ts';
export { negotiate } from './microversion.ts';
export { faultBody, faultName } from './faults.ts';
