/** The wire-format diff on the tiny fixture: what appears, goes and changes between two views. */
import { describe, expect, it } from 'vitest';
import { changeLines, diffDocuments, factsHash, formatChanges, matchesPath, operationFacts } from '../src/diff.ts';
import { viewAt } from '../src/view.ts';
import { tiny } from './fixtures/tiny.ts';

const at = (version: string) => viewAt(tiny, version).document;
const lines = (from: string, to: string, operation: string) => {
  const change = diffDocuments(at(from), at(to)).find((c) => c.operation === operation);
  return change ? changeLines(change).map((l) => `${l.where}: ${l.sign} ${l.text}`) : [];
};

describe('diffDocuments', () => {
  it('given the same view, finds nothing', () => {
    expect(diffDocuments(at('2.30'), at('2.30'))).toEqual([]);
  });

  it('finds an operation added, and removed the other way round', () => {
    expect(diffDocuments(at('2.46'), at('2.47')).find((c) => c.operation === 'GET /gadgets')?.change).toBe('added');
    expect(diffDocuments(at('2.47'), at('2.46')).find((c) => c.operation === 'GET /gadgets')?.change).toBe('removed');
  });

  it('finds a status code that changes and a parameter that appears', () => {
    expect(lines('2.9', '2.10', 'POST /things')).toEqual(expect.arrayContaining(['status codes: - 200', 'status codes: + 202']));
    expect(lines('2.25', '2.26', 'GET /things')).toContain('query parameter tag: + parameter (string)');
  });

  it('formats one block per operation', () => {
    const text = formatChanges(diffDocuments(at('2.9'), at('2.10')));
    expect(text[0]).toBe('~ POST /things');
    expect(text).toContain('      + 202');
  });

  it('keeps to a path and what lies below it', () => {
    expect(matchesPath('GET /servers/{server_id}', '/servers/{server_id}')).toBe(true);
    expect(matchesPath('POST /servers/{server_id}/action#reboot', '/servers/{server_id}')).toBe(true);
    expect(matchesPath('GET /servers/detail', '/servers/{server_id}')).toBe(false);
    expect(diffDocuments(at('2.46'), at('2.47'), { path: '/things' }).map((c) => c.operation)).not.toContain('GET /gadgets');
  });

  it('hashes facts, not prose: a new description changes nothing', () => {
    const doc = structuredClone(at('2.30')) as typeof tiny;
    const before = factsHash(operationFacts(doc, '/things', 'get'));
    (doc.paths['/things'].get as Record<string, unknown>).description = 'Reworded.';
    expect(factsHash(operationFacts(doc, '/things', 'get'))).toBe(before);
    expect(diffDocuments(at('2.30'), doc)).toEqual([]);
  });
});
