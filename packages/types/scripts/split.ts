/**
 * Splits openapi-typescript's output for one microversion into blocks that can be shared between
 * microversions: every member of `paths` and `operations`, and every member of each `components`
 * section (schemas, responses, parameters, headers, ...). A block's identity is a hash of its own text
 * AND of the identities of the blocks it references (`components["schemas"]["Flavor"]`,
 * `operations["showServer"]`), so two microversions share a block only when everything it means is
 * the same in both. Blocks that reference each other in a cycle are hashed together.
 */
import { createHash } from 'node:crypto';
import ts from 'typescript';

/** Marks a reference to another block inside a block's template: `\0<hash>\0`. */
export const REF = '\u0000';
/** Marks where a block's type stood in the entry template: `\u0001<hash>\u0001`. */
export const SLOT = '\u0001';

export interface Block {
  /** `paths//servers`, `operations/listServers`, `components/schemas/Server`. */
  key: string;
  hash: string;
  /** The block's type, references replaced by `\0<hash>\0`. */
  template: string;
  /** The JSDoc the member had (moved to the shared alias), or ''. */
  doc: string;
}

export interface Split {
  version: string;
  /** The module's text with each block's type replaced by `\u0001<hash>\u0001`. */
  entry: string;
  blocks: Block[];
}

const sha = (text: string) => createHash('sha1').update(text).digest('base64url').slice(0, 20);
const ROOTS = new Set(['paths', 'operations', 'components', 'webhooks', '$defs']);

interface Raw { key: string; doc: string; docStart: number; memberStart: number; text: string; start: number; end: number; refs: { key: string; start: number; end: number }[] }

function literal(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined;
}

/** `components["K"]["N"]` -> components/K/N; `operations["N"]`, `paths["N"]` -> operations/N, paths/N. */
function referenceKey(node: ts.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(node)) return undefined;
  const index = literal(node.indexType);
  if (index === undefined) return undefined;
  const object = node.objectType;
  if (ts.isTypeReferenceNode(object) && ts.isIdentifier(object.typeName) && !object.typeArguments) {
    const root = object.typeName.text;
    if (root === 'operations' || root === 'paths') return `${root}/${index}`;
  }
  if (ts.isIndexedAccessTypeNode(object) && ts.isTypeReferenceNode(object.objectType) && ts.isIdentifier(object.objectType.typeName)
    && object.objectType.typeName.text === 'components') {
    const section = literal(object.indexType);
    if (section !== undefined) return `components/${section}/${index}`;
  }
  return undefined;
}

function memberName(member: ts.TypeElement, source: ts.SourceFile): string {
  const name = member.name;
  if (!name) throw new Error(`a member without a name: ${member.getText(source)}`);
  return ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : name.getText(source);
}

function collect(version: string, source: ts.SourceFile): Raw[] {
  const raws: Raw[] = [];
  const add = (key: string, member: ts.PropertySignature, type: ts.TypeNode) => {
    const start = type.getStart(source);
    const memberStart = member.getStart(source);
    // The member's JSDoc moves with its type into the shared module (where it documents the alias).
    const trivia = source.text.slice(member.getFullStart(), memberStart);
    const docAt = trivia.indexOf('/**');
    const docStart = docAt < 0 ? memberStart : member.getFullStart() + docAt;
    const doc = docAt < 0 ? '' : trivia.slice(docAt).trim().replace(/\n[ \t]+\*/g, '\n *');
    const refs: Raw['refs'] = [];
    const visit = (node: ts.Node) => {
      const target = referenceKey(node);
      if (target) {
        refs.push({ key: target, start: node.getStart(source) - start, end: node.end - start });
        return;
      }
      if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && ROOTS.has(node.typeName.text)) {
        throw new Error(`${version}: ${key}: a reference the splitter does not know: ${node.parent.getText(source)}`);
      }
      if (ts.isTypeReferenceNode(node) && !ts.isIdentifier(node.typeName)) {
        throw new Error(`${version}: ${key}: a qualified type name the splitter does not know: ${node.getText(source)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(type);
    raws.push({ key, doc, docStart, memberStart, text: source.text.slice(start, type.end), start, end: type.end, refs });
  };
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const root = statement.name.text;
    if (root === 'paths' || root === 'operations') {
      for (const member of statement.members) {
        if (!ts.isPropertySignature(member) || !member.type) throw new Error(`${version}: ${root}: an unexpected member`);
        add(`${root}/${memberName(member, source)}`, member, member.type);
      }
    } else if (root === 'components') {
      for (const section of statement.members) {
        if (!ts.isPropertySignature(section) || !section.type) throw new Error(`${version}: components: an unexpected member`);
        if (!ts.isTypeLiteralNode(section.type)) continue; // `responses: never` and the like stay as they are
        const sectionName = memberName(section, source);
        for (const member of section.type.members) {
          if (!ts.isPropertySignature(member) || !member.type) throw new Error(`${version}: components/${sectionName}: an unexpected member`);
          add(`components/${sectionName}/${memberName(member, source)}`, member, member.type);
        }
      }
    }
  }
  return raws;
}

/** Identities of every block: Tarjan's strongly connected components, dependencies first. */
function identities(version: string, raws: Raw[]): Map<string, string> {
  const byKey = new Map(raws.map((raw) => [raw.key, raw]));
  for (const raw of raws) {
    for (const ref of raw.refs) if (!byKey.has(ref.key)) throw new Error(`${version}: ${raw.key} references ${ref.key}, which the module does not declare`);
  }
  const hashes = new Map<string, string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const own = (raw: Raw, inside: Set<string>) => {
    let text = '';
    let at = 0;
    for (const ref of raw.refs) {
      text += raw.text.slice(at, ref.start) + REF + (inside.has(ref.key) ? `@${ref.key}` : hashes.get(ref.key)!) + REF;
      at = ref.end;
    }
    return `${raw.key}\n${raw.doc}\n${text}${raw.text.slice(at)}`;
  };
  const connect = (key: string) => {
    index.set(key, counter);
    low.set(key, counter);
    counter += 1;
    stack.push(key);
    onStack.add(key);
    for (const ref of byKey.get(key)!.refs) {
      if (!index.has(ref.key)) {
        connect(ref.key);
        low.set(key, Math.min(low.get(key)!, low.get(ref.key)!));
      } else if (onStack.has(ref.key)) {
        low.set(key, Math.min(low.get(key)!, index.get(ref.key)!));
      }
    }
    if (low.get(key) !== index.get(key)) return;
    const members: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      members.push(member);
      if (member === key) break;
    }
    const inside = new Set(members);
    const cyclic = members.length > 1 || byKey.get(key)!.refs.some((ref) => ref.key === key);
    if (!cyclic) {
      hashes.set(key, sha(own(byKey.get(key)!, inside)));
      return;
    }
    const group = sha(members.sort().map((member) => own(byKey.get(member)!, inside)).join('\n\u0002\n'));
    for (const member of members) hashes.set(member, sha(`${group}\n${member}`));
  };
  for (const raw of raws) if (!index.has(raw.key)) connect(raw.key);
  return hashes;
}

export function split(version: string, text: string): Split {
  const source = ts.createSourceFile(`v${version}.d.ts`, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const raws = collect(version, source);
  const hashes = identities(version, raws);
  const blocks: Block[] = raws.map((raw) => {
    let template = '';
    let at = 0;
    for (const ref of raw.refs) {
      template += raw.text.slice(at, ref.start) + REF + hashes.get(ref.key)! + REF;
      at = ref.end;
    }
    return { key: raw.key, hash: hashes.get(raw.key)!, template: template + raw.text.slice(at), doc: raw.doc };
  });
  let entry = '';
  let at = 0;
  for (const raw of [...raws].sort((a, b) => a.start - b.start)) {
    entry += text.slice(at, raw.docStart) + text.slice(raw.memberStart, raw.start) + SLOT + hashes.get(raw.key)! + SLOT;
    at = raw.end;
  }
  entry += text.slice(at);
  return { version, entry, blocks };
}
