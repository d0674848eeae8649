/** The source lints clean: no error and no warning from Redocly, its house rules and ADR 0002's rules. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('redocly lint of the source', () => {
  it('has no errors and no warnings', () => {
    const result = spawnSync('redocly', ['lint', '--config', 'redocly.yaml', 'openapi.yaml', '--format', 'json'], {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    const report = JSON.parse(result.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { source: { ref: string }; pointer: string }[] }[] };
    const problems = report.problems.map((p) => `${p.location[0]?.source.ref}#${p.location[0]?.pointer}: ${p.ruleId}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
