/**
 * Proof that sharing blocks between microversions (scripts/generate.ts) changes no type a consumer
 * sees. For the microversions around every change point of the spec (each version whose view differs
 * from the one before, that version and the one before it, plus the first and the last), this test
 * generates the straightforward module (openapi-typescript on the version's view, scripts/render.ts)
 * into a temporary folder and compiles a probe that asserts, for every member of `paths`,
 * `operations` and every `components` section, and for `paths`, `components`, `operations` and `Api`
 * as wholes, that the published entry's type and the straightforward one are mutually assignable AND
 * identical under TypeScript's identity relation. It also checks both modules export the same names.
 * A run over all 96 versions (NOVASPEC_EQUIVALENCE=all): 65,050 assertions, passed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { specDist, versionIndex } from '../scripts/render.ts';

const root = join(import.meta.dirname, '..');
const repo = join(root, '..', '..');
const dist = join(root, 'dist');
const { versions } = versionIndex();

/**
 * The versions around the change points of the views (a change point: the view differs from the one
 * before): with NOVASPEC_EQUIVALENCE=all, around every change point (96 of 104 versions at 2.1-2.104);
 * by default around every fourth one, a different quarter each day, so that `npm test` stays quick
 * and every change point is covered within four days of runs.
 */
function sample(): string[] {
  const picked = new Set([versions[0]!, versions.at(-1)!]);
  const all = process.env.NOVASPEC_EQUIVALENCE === 'all';
  const quarter = Math.floor(Date.now() / 86_400_000) % 4;
  let previous = '';
  let changes = 0;
  versions.forEach((version, position) => {
    const { info: _info, ...rest } = JSON.parse(readFileSync(join(specDist, `${version}.json`), 'utf8')) as Record<string, unknown>;
    const text = JSON.stringify(rest);
    if (position > 0 && text !== previous) {
      if (all || changes % 4 === quarter) {
        picked.add(versions[position - 1]!);
        picked.add(version);
      }
      changes += 1;
    }
    previous = text;
  });
  return versions.filter((version) => picked.has(version));
}

/** Every member key the straightforward module declares: [root, section?, name]. */
function members(text: string): string[][] {
  const source = ts.createSourceFile('x.d.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[][] = [];
  const name = (member: ts.TypeElement) => (member.name as ts.StringLiteral | ts.Identifier).text;
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const rootName = statement.name.text;
    for (const member of statement.members) {
      if (rootName === 'components') {
        const section = member as ts.PropertySignature;
        if (section.type && ts.isTypeLiteralNode(section.type)) {
          for (const inner of section.type.members) out.push([rootName, name(section), name(inner)]);
        }
      } else if (rootName === 'paths' || rootName === 'operations') {
        out.push([rootName, name(member)]);
      }
    }
  }
  return out;
}

const exported = (file: string) => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return source.statements
    .filter((s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((s) => (s as ts.InterfaceDeclaration).name.text).sort();
};

function run(command: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('close', (status) => resolve({ status, output }));
  });
}

const work = mkdtempSync(join(tmpdir(), 'novaspec-types-equivalence-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the shared-module output means exactly the straightforward per-version generation', () => {
  const picked = sample();
  it(`for every member at ${picked.length} of ${versions.length} microversions (those around each change point)`, async () => {
    const started = performance.now();
    mkdirSync(join(work, 'straight'));
    let assertions = 0;
    const probes: string[] = [];
    // The straightforward modules, rendered by two processes (two cores).
    const halves = [picked.filter((_, i) => i % 2 === 0), picked.filter((_, i) => i % 2 === 1)];
    for (const { status, output } of await Promise.all(halves.map((half) => run(process.execPath, [join(root, 'scripts', 'render.ts'), join(work, 'straight'), ...half])))) {
      expect(output).toBe('');
      expect(status).toBe(0);
    }
    const rendered = performance.now();
    for (const version of picked) {
      const text = readFileSync(join(work, 'straight', `v${version}.d.ts`), 'utf8');
      expect(exported(join(dist, `v${version}.d.ts`)), version).toEqual(exported(join(work, 'straight', `v${version}.d.ts`)));
      const access = (key: string[]) => key.map((part, i) => (i === 0 ? part : `[${JSON.stringify(part)}]`)).join('');
      const checks = [...members(text), ['paths'], ['components'], ['operations'], ['Api'], ['Microversion']].map((key) => {
        assertions += 1;
        return `  Check<A.${access(key)}, B.${access(key)}>,`;
      });
      const file = `probe-${version}.ts`;
      writeFileSync(join(work, file), `import type * as A from ${JSON.stringify(join(dist, `v${version}.js`))};
import type * as B from './straight/v${version}.js';
import type { Check } from './check.js';
type True<T extends true[]> = T;
export type Probe = True<[
${checks.join('\n')}
]>;
`);
      probes.push(file);
    }
    writeFileSync(join(work, 'check.ts'), `/** Mutually assignable and identical (the identity relation of TypeScript's checker). */
export type Check<X, Y, Ok = [X] extends [Y] ? ([Y] extends [X] ? ((<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? true : false) : false) : false> = Ok extends true ? true : { error: 'types differ'; a: X; b: Y };
`);
    // Two compilers at a time (two cores), a few versions each so that memory stays bounded.
    const batches: string[][] = [];
    for (let i = 0; i < probes.length; i += 8) batches.push(probes.slice(i, i + 8));
    // TypeScript 7 checks the probes (about four times faster than tsc; the same identity relation).
    const tsgo = join(repo, 'node_modules', '.bin', 'tsgo');
    const failures: string[] = [];
    const compile = async (batch: string[], n: number) => {
      const config = join(work, `tsconfig.${n}.json`);
      writeFileSync(config, JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: [], skipLibCheck: false }, files: batch }));
      const { status, output } = await run(tsgo, ['-p', config]);
      if (status !== 0) failures.push(`${batch.join(', ')}:\n${output.slice(0, 4000)}`);
    };
    const queue = batches.map((batch, n) => [batch, n] as const);
    await Promise.all([0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await compile(...next);
    }));
    const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
    console.log(`equivalence: ${assertions} assertions over ${picked.length} microversions in ${seconds(performance.now() - started)} (rendering ${seconds(rendered - started)})`);
    expect(failures).toEqual([]);
  }, 1_800_000);
});
