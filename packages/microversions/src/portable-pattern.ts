/**
 * Patterns every tool reads the same way. JSON Schema says a `pattern` is an ECMA-262 regular
 * expression but not with which flags: ajv compiles with the `u` flag, Spectral and many generators
 * without it, and without it `\p{C}` is a literal `p{C}` and `\u{10000}` an error. So the bundles
 * publish each pattern that needs the `u` flag in a spelling that needs none: every character class
 * with `\p{..}` or `\u{..}` becomes the explicit list of the Basic Multilingual Plane code points it
 * matches (as Nova's own parameter_types.py builds its name and description rules). The rewrite is
 * used only when the new pattern gives the same answer as the original under the `u` flag, with and
 * without the flag, on every BMP character and on characters outside the BMP, alone and in context;
 * otherwise the build fails. The readable original stays beside it in `x-novaspec-unicode-pattern`.
 */
import type { JsonObject } from './annotations.ts';

const hex = (code: number) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The character classes of a pattern: [start, end) of each `[...]`. */
function classes(pattern: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern[i] === '\\') { i += 1; continue; }
    if (pattern[i] !== '[') continue;
    let j = i + 1;
    if (pattern[j] === '^') j += 1;
    if (pattern[j] === ']') j += 1;
    for (; j < pattern.length && pattern[j] !== ']'; j += 1) if (pattern[j] === '\\') j += 1;
    found.push([i, j + 1]);
    i = j;
  }
  return found;
}

function explicit(cls: string): string {
  const test = new RegExp(`^${cls}$`, 'u');
  let out = '';
  let start = -1;
  for (let code = 0; code <= 0x10000; code += 1) {
    const member = code < 0x10000 && test.test(String.fromCharCode(code));
    if (member && start < 0) start = code;
    if (!member && start >= 0) {
      out += start === code - 1 ? hex(start) : `${hex(start)}-${hex(code - 1)}`;
      start = -1;
    }
  }
  return `[${out}]`;
}

const ASTRAL = ['\u{10000}', '\u{1F600}', '\u{20000}', '\u{E0001}', '\u{F0000}', '\u{10FFFF}'];

function samples(): string[] {
  const out = ['', 'a', 'ab', 'a b', ' a', 'a ', 'a\u00A0b'];
  for (let code = 0; code < 0x10000; code += 1) {
    const c = String.fromCharCode(code);
    out.push(c, `a${c}b`);
  }
  for (const c of ASTRAL) out.push(c, `a${c}b`, `${c}a`, `a${c}`);
  return out;
}
let cached: string[] | undefined;

/** The portable spelling of a pattern, or undefined when it needs none. Throws when none means the same. */
export function portablePattern(pattern: string): string | undefined {
  if (!/\\[pPu]\{/.test(pattern)) return undefined;
  let rewritten = '';
  let at = 0;
  for (const [start, end] of classes(pattern)) {
    const cls = pattern.slice(start, end);
    rewritten += pattern.slice(at, start) + (/\\[pPu]\{/.test(cls) ? explicit(cls) : cls);
    at = end;
  }
  rewritten += pattern.slice(at);
  if (/\\[pPu]\{/.test(rewritten)) throw new Error(`pattern ${pattern}: \\p{..} or \\u{..} outside a character class has no portable spelling`);
  const original = new RegExp(pattern, 'u');
  const withFlag = new RegExp(rewritten, 'u');
  const withoutFlag = new RegExp(rewritten);
  for (const text of (cached ??= samples())) {
    const expected = original.test(text);
    if (withFlag.test(text) !== expected || withoutFlag.test(text) !== expected) {
      throw new Error(`pattern ${pattern}: the explicit spelling answers differently for ${JSON.stringify(text)}`);
    }
  }
  return rewritten;
}

/** Rewrites every `pattern` of a document in place (see above); returns how many. */
export function withPortablePatterns(document: JsonObject): number {
  let count = 0;
  const memo = new Map<string, string | undefined>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (!node || typeof node !== 'object') return;
    const object = node as JsonObject;
    if (typeof object.pattern === 'string' && typeof object['x-novaspec-unicode-pattern'] !== 'string') {
      const original = object.pattern;
      if (!memo.has(original)) memo.set(original, portablePattern(original));
      const portable = memo.get(original);
      if (portable !== undefined) {
        object.pattern = portable;
        object['x-novaspec-unicode-pattern'] = original;
        count += 1;
      }
    }
    for (const value of Object.values(object)) visit(value);
  };
  visit(document);
  return count;
}
