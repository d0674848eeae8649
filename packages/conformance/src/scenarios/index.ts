/**
 * How to exercise each operation against the local Nova, one file per resource (the spec's
 * `resources/<name>/` folders): what state to bring things into, what to send at a microversion, and
 * what this deployment can answer. An operation with no entry here is still exercised, generically,
 * from the spec's own request example (see runner.ts).
 */
import type { Scenario } from './common.ts';
import { images } from './images.ts';
import { floatingIpPools } from './os-floating-ip-pools.ts';
import { floatingIps } from './os-floating-ips.ts';
import { snapshots } from './os-snapshots.ts';
import { volumes } from './os-volumes.ts';
import { volumesBoot } from './os-volumes_boot.ts';
import { servers } from './servers.ts';
import { versions } from './versions.ts';

export type { Call, Expected, Scenario } from './common.ts';

export const scenarios: Record<string, Scenario> = { ...versions, ...servers, ...images, ...volumes, ...snapshots, ...volumesBoot, ...floatingIpPools, ...floatingIps };
