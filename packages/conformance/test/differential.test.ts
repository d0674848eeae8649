/**
 * The differential's own machinery, without a Nova: the edge requests it sends, and how it judges
 * and counts (the run against Nova 34 is part of the conformance run, bin/conformance.ts).
 */
import { startMockServer } from '@novaspec/mock';
import { describe, expect, it } from 'vitest';
import { STATEFUL_KNOWS, differential, differentialSummary, edgeRequests, type Comparison } from '../src/differential.ts';

describe('the differential against the real Nova', () => {
  const requests = edgeRequests();

  it('sends a few hundred edge requests of every kind, each with its own id', () => {
    expect(requests.length).toBeGreaterThanOrEqual(250);
    expect(new Set(requests.map((r) => r.id)).size).toBe(requests.length);
    for (const kind of ['trailing slash', 'wrong method', 'microversion', 'query', 'create', 'metadata item', 'action', 'servers filter', 'unknown id', 'unknown URL']) {
      expect(requests.some((r) => r.id.includes(kind)), kind).toBe(true);
    }
  });

  it('sends only resources the spec has (the others are not in the mock yet)', () => {
    const onlySpec = edgeRequests(new Set(['/servers']));
    expect(onlySpec.some((r) => r.path.startsWith('/flavors/detail?'))).toBe(false);
    expect(onlySpec.some((r) => r.path === '/servers/')).toBe(true);
  });

  it('judges the requests about ids on the stateful mock, and only those', async () => {
    // A stateful mock plays the Nova that knows no such ids; the stateless one answers them all.
    const [standIn, stateless, stateful] = await Promise.all([startMockServer({ port: 0, stateful: true }), startMockServer({ port: 0 }), startMockServer({ port: 0, stateful: true })]);
    try {
      const aboutIds = requests.filter((r) => STATEFUL_KNOWS.some((kind) => r.id.includes(kind)));
      expect(aboutIds.length).toBeGreaterThanOrEqual(10);
      const sample = [...aboutIds, requests.find((r) => r.id === 'wrong method PATCH /servers')!];
      const results = await differential({ endpoint: standIn.endpoint, token: 't' }, { endpoint: stateless.endpoint }, sample, { endpoint: stateful.endpoint });
      for (const result of results.slice(0, -1)) {
        expect(result.stateful, result.request.id).toBeDefined();
        expect(result.same, result.request.id).toBe(true);
        // ...where the stateless mock could not answer alike.
        expect(result.mock.status, result.request.id).not.toBe(result.nova.status);
      }
      expect(results.at(-1)!.stateful).toBeUndefined();
      expect(differentialSummary(results).text).toContain(`${aboutIds.length} about ids judged on the stateful mock`);
    } finally {
      await Promise.all([standIn.close(), stateless.close(), stateful.close()]);
    }
  }, 60_000);

  it('counts alike, listed, known and unexplained differences apart', () => {
    const request = requests[0]!;
    const results: Comparison[] = [
      { request, nova: { status: 404, fault: 'itemNotFound' }, mock: { status: 404, fault: 'itemNotFound' }, same: true },
      { request, nova: { status: 404, fault: 'itemNotFound' }, mock: { status: 200, fault: '-' }, same: false, unreproducible: 'stateless' },
      { request, nova: { status: 400, fault: 'badRequest' }, mock: { status: 200, fault: '-' }, same: false, notYet: 'to do' },
      { request, nova: { status: 400, fault: 'badRequest' }, mock: { status: 200, fault: '-' }, same: false },
    ];
    const { text, unexplained } = differentialSummary(results);
    expect(unexplained).toHaveLength(1);
    expect(text).toContain('4 edge requests');
    expect(text).toContain('1 answered alike');
    expect(text).toContain('1 unexplained');
  });
});
