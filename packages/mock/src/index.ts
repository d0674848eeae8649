// First: must run before Prism's modules load (see lean-faker.ts).
import './lean-faker.ts';

export { startMockServer } from './server.ts';
export type { MockOptions, MockServer } from './server.ts';
export { negotiate } from './microversion.ts';
export { faultBody, faultName } from './faults.ts';
export { novaValidationMessage, pythonRepr } from './validation-message.ts';
