/**
 * A fresh dump of Nova's schemas from the sid chroot, to regenerate the fixture or to check it for
 * drift. The chroot belongs to the deployment (issue 10): this only copies dump_schemas.py into its
 * /tmp, runs it with the chroot's python3, and reads the result back. It expects /proc to be mounted
 * there already (the deployment does that) and mounts nothing itself.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE } from './nova.ts';

export const CHROOT = process.env.NOVASPEC_SID_CHROOT ?? '/var/tmp/novaspec-sid';
const SCRIPT = fileURLToPath(new URL('../../nova/dump_schemas.py', import.meta.url));

/** Whether a chroot with Nova is there to dump from. */
export function chrootReady(chroot = CHROOT): boolean {
  return existsSync(join(chroot, '.novaspec-ready')) && existsSync(join(chroot, 'usr/lib/python3/dist-packages/nova/api'));
}

/** The dump's JSON text, as dump_schemas.py writes it. */
export function dumpFromChroot(chroot = CHROOT): string {
  const work = mkdtempSync(join(chroot, 'tmp', 'schema-dump-'));
  try {
    copyFileSync(SCRIPT, join(work, 'dump_schemas.py'));
    const inside = `/tmp/${basename(work)}`;
    execFileSync('chroot', [chroot, 'python3', `${inside}/dump_schemas.py`, `${inside}/out.json`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', PYTHONWARNINGS: 'ignore' },
    });
    return readFileSync(join(work, 'out.json'), 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * For the conformance run (bin/conformance.ts) to call when the chroot is there: whether Nova's
 * schemas still are the checked-in fixture. `absent`: no chroot, nothing to check.
 */
export function schemaDrift(chroot = CHROOT): 'absent' | 'same' | 'drift' {
  if (!chrootReady(chroot)) return 'absent';
  return dumpFromChroot(chroot) === readFileSync(FIXTURE, 'utf8') ? 'same' : 'drift';
}
