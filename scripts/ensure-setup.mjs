// Runs before `npm start` and `npm test` (as npm's prestart/pretest), on whatever Node the machine
// has: it makes a fresh clone ready without manual steps.
//  1. npm packages: `npm ci` when node_modules is missing or older than package-lock.json. This also
//     installs the pinned Node 24 runtime (the `node` package), which npm then puts first on PATH
//     for every script (ADR 0001).
//  2. For `npm test`: Debian's `chromium` (the docs tests) and `python3-openstackclient` (the mock's
//     tests with the real `openstack` CLI), installed with apt-get when missing and when we are root;
//     otherwise a clear message says what to install.
// Plain JavaScript on purpose: it must run on the machine's Node 20 before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  console.log(`setup: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`setup: \`${command} ${args.join(' ')}\` failed (exit ${result.status}); see its output above`);
    process.exit(1);
  }
};

const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// The test run needs two system programs from Debian: Chromium for the docs tests and the real
// `openstack` CLI (python3-openstackclient) for the mock's CLI tests. Installed when missing and root.
const wantsSystemPackages = process.env.npm_lifecycle_event === 'pretest';
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const needed = [
  { command: 'chromium', pkg: 'chromium', why: 'the docs tests need Chromium at /usr/bin/chromium' },
  { command: 'openstack', pkg: 'python3-openstackclient', why: 'the mock\'s CLI tests need the `openstack` command at /usr/bin/openstack' },
].filter(({ command }) => wantsSystemPackages && !has(command));
if (needed.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', ...needed.map(({ pkg }) => pkg)]);
  } else {
    for (const { pkg, why } of needed) {
      console.error(`setup: ${why}; install Debian's \`${pkg}\` package (apt-get install ${pkg}) and run again`);
    }
    process.exit(1);
  }
}
try {
  const version = execFileSync(join(root, 'node_modules', '.bin', 'node'), ['--version']).toString().trim();
  console.log(`setup: ready (scripts run on Node ${version})`);
} catch {
  console.error('setup: node_modules/.bin/node is missing; run `npm ci` and check that the `node` package installed');
  process.exit(1);
}
