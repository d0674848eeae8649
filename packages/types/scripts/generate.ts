/**
 * Generates the types of every microversion from the spec's exact views (`@novaspec/spec/versions/2.N.json`):
 *   dist/v2.N.d.ts       the entry of microversion 2.N (`@novaspec/types/2.N`): paths, components,
 *                        operations at 2.N, plus `Microversion` and `Api` (see ADR 0003)
 *   dist/shared/*.d.ts   the blocks those entries point to, each written once (ADR 0011)
 *   dist/latest.d.ts     the newest microversion (the package's default entry)
 *   dist/index.js|.d.ts  the list of microversions at runtime
 *
 * Each microversion is first generated the straightforward way (scripts/render.ts: openapi-typescript
 * on that version's view), then split (scripts/split.ts) into blocks: one per member of `paths`,
 * `operations` and each `components` section, identified by a hash of its text and of everything it
 * references. A block identical in several microversions is written once, in the shared module of
 * exactly the set of microversions that have it (`shared/2.1-2.46.d.ts`), so a consumer that pins 2.N
 * reads only modules every line of which 2.N uses. test/equivalence.test.ts proves the types equal
 * the straightforward ones.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { footer, header, render, specDist, versionIndex } from './render.ts';
import { REF, SLOT, split, type Split } from './split.ts';

function work(): void {
  // A worker: renders and splits the microversions it is sent, one at a time.
  parentPort!.on('message', async (version: string | null) => {
    if (version === null) return process.exit(0);
    try {
      parentPort!.postMessage({ split: split(version, await render(version)) });
    } catch (error) {
      parentPort!.postMessage({ error: (error as Error).message });
    }
  });
}

async function splitAll(versions: string[]): Promise<Split[]> {
  const queue = [...versions];
  const results: Split[] = [];
  // CPU-bound: one worker thread per core (at most four), so that the two cores both work.
  const workers = Math.max(1, Math.min(Number(process.env.NOVASPEC_TYPES_WORKERS ?? availableParallelism()), 4, versions.length));
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url));
    const next = () => worker.postMessage(queue.shift() ?? null);
    worker.on('message', (message: { split?: Split; error?: string }) => {
      if (message.error) {
        void worker.terminate();
        reject(new Error(message.error));
        return;
      }
      results.push(message.split!);
      next();
    });
    worker.on('error', reject);
    worker.on('exit', () => resolve());
    next();
  })));
  return results;
}

/** `2.1-2.46`, `2.1-2.20_2.30-2.46`: the runs of consecutive microversions in a set. */
function runsOf(set: number[], versions: string[]): string {
  const runs: string[] = [];
  for (let i = 0; i < set.length;) {
    let j = i;
    while (j + 1 < set.length && set[j + 1] === set[j]! + 1) j += 1;
    runs.push(i === j ? versions[set[i]!]! : `${versions[set[i]!]}-${versions[set[j]!]}`);
    i = j + 1;
  }
  return runs.join('_');
}

const PREFIX: Record<string, string> = { paths: 'Path', operations: 'Op', schemas: 'Schema', responses: 'Response', parameters: 'Param', requestBodies: 'Body', headers: 'Header', pathItems: 'PathItem' };

async function main(): Promise<void> {
  const out = join(import.meta.dirname, '..', 'dist');
  const index = versionIndex();
  const started = performance.now();
  // Microversions whose views are the same but for `info` (many: a microversion changes a few
  // operations) have the same output: render one of each.
  const sameAs = new Map<string, string>();
  const first = new Map<string, string>();
  for (const version of index.versions) {
    const { info: _info, ...rest } = JSON.parse(readFileSync(join(specDist, `${version}.json`), 'utf8')) as Record<string, unknown>;
    const digest = createHash('sha1').update(JSON.stringify(rest)).digest('hex');
    if (!first.has(digest)) first.set(digest, version);
    sameAs.set(version, first.get(digest)!);
  }
  const rendered = new Map((await splitAll([...first.values()]).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  })).map((one) => [one.version, one]));
  const splits = index.versions.map((version) => ({ ...rendered.get(sameAs.get(version)!)!, version }));

  // Every distinct block, the microversions that have it, and a readable name per revision.
  interface Shared { key: string; doc: string; template: string; versions: number[]; name: string; chunk?: Chunk }
  interface Chunk { file: string; alias: string; blocks: Shared[] }
  const blocks = new Map<string, Shared>();
  const revisions = new Map<string, number>();
  const taken = new Set<string>();
  splits.forEach((one, position) => {
    for (const block of one.blocks) {
      const known = blocks.get(block.hash);
      if (known) {
        known.versions.push(position);
        continue;
      }
      const revision = (revisions.get(block.key) ?? 0) + 1;
      revisions.set(block.key, revision);
      const parts = block.key.split('/');
      const kind = parts[0] === 'components' ? parts[1]! : parts[0]!;
      const rest = (parts[0] === 'components' ? parts.slice(2) : parts.slice(1)).join('/');
      let name = `${PREFIX[kind] ?? kind}_${rest.replace(/[^A-Za-z0-9_$]+/g, '_').replace(/^_+|_+$/g, '') || 'root'}_${revision}`;
      while (taken.has(name)) name += '_';
      taken.add(name);
      blocks.set(block.hash, { key: block.key, doc: block.doc, template: block.template, versions: [position], name });
    }
  });
  const chunks = new Map<string, Chunk>();
  for (const block of blocks.values()) {
    let file = runsOf(block.versions, index.versions);
    if (file.length > 80) file = `set-${file.length}-${Buffer.from(file).toString('base64url').slice(-24)}`;
    let chunk = chunks.get(file);
    if (!chunk) chunks.set(file, chunk = { file, alias: '', blocks: [] });
    chunk.blocks.push(block);
    block.chunk = chunk;
  }
  [...chunks.values()].forEach((chunk, position) => { chunk.alias = `s${position}`; });

  /** Resolves the markers of a template for a module that is `self` (a chunk) or an entry. */
  const resolve = (text: string, marker: string, self: Chunk | undefined, imports: Set<Chunk>) =>
    text.replaceAll(new RegExp(`${marker}([^${marker}]+)${marker}`, 'g'), (_, hash: string) => {
      const block = blocks.get(hash)!;
      if (block.chunk === self) return block.name;
      imports.add(block.chunk!);
      return `${block.chunk!.alias}.${block.name}`;
    });
  const importLines = (imports: Set<Chunk>, from: string) => [...imports]
    .map((chunk) => `import type * as ${chunk.alias} from '${from}${chunk.file}.js';\n`).join('');

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'shared'), { recursive: true });
  for (const chunk of chunks.values()) {
    const imports = new Set<Chunk>();
    const body = chunk.blocks.map((block) => `${block.doc || `/** ${block.key} */`}\nexport type ${block.name} = ${resolve(block.template, REF, chunk, imports)};\n`).join('');
    const note = `/** Types shared by microversions ${chunk.blocks[0]!.versions.map((v) => index.versions[v]).join(', ')}: generated, do not edit. */\n`;
    writeFileSync(join(out, 'shared', `${chunk.file}.d.ts`), note + importLines(imports, './') + body);
  }
  for (const one of splits) {
    const imports = new Set<Chunk>();
    const body = resolve(one.entry, SLOT, undefined, imports);
    writeFileSync(join(out, `v${one.version}.d.ts`), header(one.version) + importLines(imports, './shared/') + body + footer(one.version));
  }

  writeFileSync(join(out, 'latest.d.ts'), `${header(index.max)}export * from './v${index.max}.js';\n`);
  const list = JSON.stringify(index.versions);
  writeFileSync(join(out, 'index.js'), `/** Every microversion the spec describes, oldest first. */
export const MICROVERSIONS = Object.freeze(${list});
export const MIN_MICROVERSION = ${JSON.stringify(index.min)};
export const MAX_MICROVERSION = ${JSON.stringify(index.max)};
`);
  writeFileSync(join(out, 'index.d.ts'), `/** A microversion the spec describes. */
export type KnownMicroversion = ${index.versions.map((v) => JSON.stringify(v)).join(' | ')};
export declare const MICROVERSIONS: readonly KnownMicroversion[];
export declare const MIN_MICROVERSION: ${JSON.stringify(index.min)};
export declare const MAX_MICROVERSION: ${JSON.stringify(index.max)};
`);
  const total = splits.reduce((sum, one) => sum + one.blocks.length, 0);
  console.log(`generated types for ${index.versions.length} microversions in ${Math.round(performance.now() - started)} ms: `
    + `${first.size} distinct views rendered, ${total} blocks, ${blocks.size} distinct, in ${chunks.size} shared modules`);
}

if (isMainThread) await main();
else work();
