export { createComputeClient } from './client.ts';
export type { ComputeApi, ComputeClient, ComputeClientOptions, TokenSource } from './client.ts';
export { NOVA_API_VERSION, OPENSTACK_API_VERSION, microversionHeaders } from './microversion.ts';
export type {
  ActionBody, ActionName, ActionOperation, ActionResult, AggregateActionBody, AggregateActionName, AggregateActionResult, AggregateActions, FlavorActionBody, FlavorActionName, FlavorActionResult, FlavorActions,
  ServerActionBody, ServerActionName, ServerActionOperation, ServerActionResult, ServerActions,
} from './actions.ts';
export { ComputeError, parseFault, redact, requestIdOf } from './errors.ts';
export type { ComputeErrorInit, ParsedFault } from './errors.ts';
export { paginate, paginateByOffset } from './pagination.ts';
export type { PageRequest } from './pagination.ts';
export { retryAfterMs, withRetries } from './retry.ts';
export type { RetryOptions } from './retry.ts';
export { FlavorLookupError, findFlavorByName } from './flavors.ts';
export type { DetailedFlavor, FindFlavorOptions } from './flavors.ts';
export { WaitError, waitForServerDeleted, waitForServerStatus } from './waiters.ts';
export type { ServerState, ShowsServers, WaitOptions } from './waiters.ts';
export { chooseMicroversion, computeEndpoint, connectComputeClient, discoverMicroversions } from './discovery.ts';
export type { ComputeEndpoint, MicroversionRange } from './discovery.ts';
export { KeystoneSession, authBody } from './keystone.ts';
export type { CatalogEndpoint, CatalogEntry, KeystoneCredentials, KeystoneOptions } from './keystone.ts';
