/**
 * How to exercise each operation against the local Nova, one file per resource (the spec's
 * `resources/<name>/` folders): what state to bring things into, what to send at a microversion, and
 * what this deployment can answer. An operation with no entry here is still exercised, generically,
 * from the spec's own request example (see runner.ts).
 */
import type { Scenario } from './common.ts';
import { servers } from './servers.ts';
import { shares } from './shares.ts';
import { versions } from './versions.ts';

export type { Call, Expected, Scenario } from './common.ts';

export const scenarios: Record<string, Scenario> = { ...versions, ...servers, ...shares };
