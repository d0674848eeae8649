/**
 * The differential on its own, against a Nova that is already running (nova/start.sh) and a mock it
 * starts itself: prints each difference and one summary line; exit 1 on an unexplained difference.
 * The conformance run (bin/conformance.ts) runs the same after its scenarios.
 *
 *   node bin/differential.ts [--all]     (--all: every request, alike or not)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMockServer } from '@novaspec/mock';
import { describe, differential, differentialSummary } from '../src/differential.ts';

/** The noauth2 admin token of nova/start.sh (src/deployment.ts's TOKEN; not imported: that pulls in the built client). */
const TOKEN = 'admin:admin';
const home = process.env.NOVA_HOME ?? '/var/tmp/novaspec-nova34';
const endpoints = JSON.parse(readFileSync(join(home, 'run', 'endpoints.json'), 'utf8')) as { compute: string };
const mock = await startMockServer({ port: 0 });
// The requests about ids are judged on a stateful mock (src/differential.ts, STATEFUL_KNOWS).
const stateful = await startMockServer({ port: 0, stateful: true });
try {
  const results = await differential({ endpoint: endpoints.compute, token: TOKEN }, { endpoint: mock.endpoint }, undefined, { endpoint: stateful.endpoint });
  for (const result of results) if (!result.same || process.argv.includes('--all')) console.log(`${result.same ? 'same' : result.unreproducible ? 'listed' : result.notYet ? 'known' : 'DIFF'} ${describe(result)}`);
  const { text, unexplained } = differentialSummary(results);
  console.log(text);
  process.exitCode = unexplained.length === 0 ? 0 : 1;
} finally {
  await mock.close();
  await stateful.close();
}
