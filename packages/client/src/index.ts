export { createComputeClient } from './client.ts';
export type { ComputeApi, ComputeClient, ComputeClientOptions, TokenSource } from './client.ts';
export { NOVA_API_VERSION, OPENSTACK_API_VERSION, microversionHeaders } from './microversion.ts';
export type { ServerActionBody, ServerActionName, ServerActionOperation, ServerActionResult, ServerActions } from './actions.ts';
export { ComputeError, parseFault, redact, requestIdOf } from './errors.ts';
export type { ComputeErrorInit, ParsedFault } from './errors.ts';
export { paginate } from './pagination.ts';
export type { PageRequest } from './pagination.ts';
