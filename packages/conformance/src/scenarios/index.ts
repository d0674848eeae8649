/**
 * How to exercise each operation against the local Nova, one file per resource (the spec's
 * `resources/<name>/` folders): what state to bring things into, what to send at a microversion, and
 * what this deployment can answer. An operation with no entry here is still exercised, generically,
 * from the spec's own request example (see runner.ts).
 */
import type { Scenario } from './common.ts';
import { extensions } from './extensions.ts';
import { flavors } from './flavors.ts';
import { images } from './images.ts';
import { limits } from './limits.ts';
import { aggregates } from './os-aggregates.ts';
import { osAssistedVolumeSnapshots } from './os-assisted-volume-snapshots.ts';
import { availabilityZones } from './os-availability-zone.ts';
import { baremetalNodes } from './os-baremetal-nodes.ts';
import { consoleAuthTokens } from './os-console-auth-tokens.ts';
import { floatingIpPools } from './os-floating-ip-pools.ts';
import { floatingIps } from './os-floating-ips.ts';
import { hosts } from './os-hosts.ts';
import { hypervisors } from './os-hypervisors.ts';
import { osInstanceUsageAuditLog } from './os-instance_usage_audit_log.ts';
import { keypairs } from './os-keypairs.ts';
import { osMigrations } from './os-migrations.ts';
import { quotaClassSets } from './os-quota-class-sets.ts';
import { quotaSets } from './os-quota-sets.ts';
import { securityGroupRules } from './os-security-group-rules.ts';
import { securityGroups } from './os-security-groups.ts';
import { osServerExternalEvents } from './os-server-external-events.ts';
import { serverGroups } from './os-server-groups.ts';
import { services } from './os-services.ts';
import { osSimpleTenantUsage } from './os-simple-tenant-usage.ts';
import { snapshots } from './os-snapshots.ts';
import { volumes } from './os-volumes.ts';
import { volumesBoot } from './os-volumes_boot.ts';
import { removedApis } from './removed-apis.ts';
import { servers } from './servers.ts';
import { shares } from './shares.ts';
import { versions } from './versions.ts';

export type { Call, Expected, Scenario } from './common.ts';

export const scenarios: Record<string, Scenario> = {
  ...extensions,
  ...flavors,
  ...images,
  ...limits,
  ...aggregates,
  ...osAssistedVolumeSnapshots,
  ...availabilityZones,
  ...baremetalNodes,
  ...consoleAuthTokens,
  ...floatingIpPools,
  ...floatingIps,
  ...hosts,
  ...hypervisors,
  ...osInstanceUsageAuditLog,
  ...keypairs,
  ...osMigrations,
  ...quotaClassSets,
  ...quotaSets,
  ...securityGroupRules,
  ...securityGroups,
  ...osServerExternalEvents,
  ...serverGroups,
  ...services,
  ...osSimpleTenantUsage,
  ...snapshots,
  ...volumes,
  ...volumesBoot,
  ...removedApis,
  ...servers,
  ...shares,
  ...versions,
};
