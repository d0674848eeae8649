/**
 * The suite's machinery without a Nova: the plan covers every operation of the spec, closed schemas
 * refuse undeclared properties, and the judge flags an undeclared status, an invalid body and a body
 * where none is declared. (The run against a real Nova is bin/conformance.ts, after the unit tests.)
 */
import { describe, expect, it } from 'vitest';
import { requestProblems, responseProblems, type Exchange } from '../src/check.ts';
import { scenarios } from '../src/scenarios/index.ts';
import { closeSchema, index, operationsAt, plan } from '../src/spec.ts';
import { unvalidatedInZed, zedAnswer } from '../src/zed.ts';

const exchange = (version: string, status: number, body: unknown, headers: Record<string, string> = {}): Exchange => ({
  method: 'GET', url: 'http://127.0.0.1/x', version, status, headers: new Headers(headers),
  text: body === undefined ? '' : JSON.stringify(body),
});

describe('the plan', () => {
  const entries = plan('2.93');
  it('has every operation of every view, once', () => {
    const all = new Set(index.versions.flatMap((v) => [...operationsAt(v).keys()]));
    expect(new Set(entries.map((e) => e.id))).toEqual(all);
    expect(entries.length).toBe(all.size);
  });
  it('exercises each reachable operation at its first microversion and where it changes, none above the ceiling', () => {
    const show = entries.find((e) => e.id === 'GET /servers/{server_id}')!;
    expect(show.versions[0]).toBe('2.1');
    expect(show.versions).toContain('2.47');
    expect(show.versions).not.toContain('2.96');
    const topology = entries.find((e) => e.id === 'GET /servers/{server_id}/topology')!;
    expect(topology.versions[0]).toBe('2.78');
  });
  it('says why operations newer than the ceiling are not exercised', () => {
    const shares = entries.find((e) => e.id === 'GET /servers/{server_id}/shares')!;
    expect(shares.versions).toEqual([]);
    expect(shares.unreachable).toMatch(/2\.97/);
  });
  it('has a scenario for every operation up to 2.104, the newest Nova (the generic one is for operations added later)', () => {
    const missing = plan('2.104').filter((e) => !e.unreachable && !scenarios[e.id]).map((e) => e.id);
    expect(missing).toEqual([]);
  });
  it('reaches every operation of the spec on Nova 34 (2.104)', () => {
    const entries = plan('2.104');
    expect(entries.filter((e) => e.unreachable)).toEqual([]);
    expect(entries.find((e) => e.id === 'GET /servers/{server_id}')!.versions).toContain('2.100');
  }, 90_000);
});

describe('closed schemas', () => {
  it('close objects with properties, and leave maps and explicit choices alone', () => {
    const schema: any = {
      type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } },
      anyOf: [{ properties: { c: {} } }],
    };
    const map: any = { type: 'object', additionalProperties: { type: 'string' } };
    const open: any = { type: 'object', properties: { x: {} }, additionalProperties: true };
    closeSchema(schema);
    closeSchema(map);
    closeSchema(open);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.a.additionalProperties).toBe(false);
    expect(schema.anyOf[0].additionalProperties).toBe(false);
    expect(map.additionalProperties).toEqual({ type: 'string' });
    expect(open.additionalProperties).toBe(true);
  });
});

describe('the judge', () => {
  const show = operationsAt('2.1').get('GET /servers/{server_id}/metadata')!.operation;
  it('accepts a body the spec declares', () => {
    expect(responseProblems(show, exchange('2.1', 200, { metadata: { a: 'b' } }))).toEqual([]);
  });
  it('flags a property the spec does not declare', () => {
    const problems = responseProblems(show, exchange('2.1', 200, { metadata: {}, surprise: 1 }));
    expect(problems.join('\n')).toMatch(/surprise/);
  });
  it('flags a status the spec does not declare, and a body that is not JSON', () => {
    expect(responseProblems(show, exchange('2.1', 418, { teapot: true }))[0]).toMatch(/status 418 is not declared/);
    expect(responseProblems(show, { ...exchange('2.1', 200, undefined), text: '<html>' })[0]).toMatch(/not JSON/);
  });
  it('flags a body where the spec declares none', () => {
    const del = operationsAt('2.1').get('DELETE /servers/{server_id}/metadata/{key}')!.operation;
    expect(responseProblems(del, exchange('2.1', 204, undefined))).toEqual([]);
    expect(responseProblems(del, exchange('2.1', 204, { x: 1 }))[0]).toMatch(/declares none/);
  });
  it('checks declared headers against their schemas', () => {
    const create = operationsAt('2.1').get('POST /servers')!.operation;
    const problems = responseProblems(create, exchange('2.1', 202, { server: {} }, { Location: 'not a uri at all' }));
    expect(problems.join('\n')).toMatch(/header Location/);
  });
  it('says whether the spec accepts a request body', () => {
    const reboot = operationsAt('2.1').get('POST /servers/{server_id}/action#reboot')!.operation;
    expect(requestProblems('2.1', reboot, { reboot: { type: 'SOFT' } })).toEqual([]);
    expect(requestProblems('2.1', reboot, { reboot: { type: 'SOFT', extra: 1 } }).join()).toMatch(/extra/);
  });
});

describe('Zed differences', () => {
  it('know which bodies Zed does not validate, by microversion', () => {
    expect(unvalidatedInZed('pause', '2.1')).toMatch(/f86cd38dfe/);
    expect(unvalidatedInZed('lock', '2.73')).toBeUndefined();
    expect(unvalidatedInZed('reboot', '2.1')).toBeUndefined();
  });
  it('excuse only the status Zed is known to give', () => {
    expect(zedAnswer('POST /servers/{server_id}/action#os-getRDPConsole', 200)).toMatch(/0c1e1ccf03/);
    expect(zedAnswer('POST /servers/{server_id}/action#os-getRDPConsole', 500)).toBeUndefined();
  });
});

describe('range edges and query parameters', () => {
  const entries = plan('2.93');
  it('plans each operation just outside its range, shaped by the nearest microversion that has it', () => {
    expect(entries.find((e) => e.id === 'GET /servers/{server_id}/tags')!.outside).toEqual([{ version: '2.25', shapeFrom: '2.26' }]);
    expect(entries.find((e) => e.id === 'POST /servers/{server_id}/action#addFixedIp')!.outside).toEqual([{ version: '2.44', shapeFrom: '2.43' }]);
    expect(entries.find((e) => e.id === 'GET /servers/{server_id}')!.outside).toEqual([]);
  });
  it('checks query parameters as they travel: declared at that microversion, valid as strings', async () => {
    const { queryProblems } = await import('../src/check.ts');
    const list = operationsAt('2.73').get('GET /servers')!.operation;
    expect(queryProblems('2.73', '/servers', list, { limit: 5, locked: false })).toEqual([]);
    expect(queryProblems('2.73', '/servers', list, { nonsense: 1 })[0]).toMatch(/not declared/);
    const old = operationsAt('2.1').get('GET /servers')!.operation;
    expect(queryProblems('2.1', '/servers', old, { locked: false })[0]).toMatch(/not declared at 2.1/);
  });
});

describe('operations without a scenario', () => {
  it('are sent from the spec example: its body, and path parameters from the shared server or the examples', async () => {
    const { genericScenario } = await import('../src/runner.ts');
    const view = operationsAt('2.26').get('PUT /servers/{server_id}/tags')!;
    const fake = { shared: async () => 'the-shared-server' } as unknown as import('../src/deployment.ts').Deployment;
    const call = await genericScenario(view, '2.26').arrange(fake, '2.26');
    expect(call.path).toEqual({ server_id: 'the-shared-server' });
    expect(call.body).toEqual(expect.objectContaining({ tags: expect.any(Array) }));
    const tag = operationsAt('2.26').get('DELETE /servers/{server_id}/tags/{tag}')!;
    const tagCall = await genericScenario(tag, '2.26').arrange(fake, '2.26');
    expect(typeof tagCall.path!.tag).toBe('string');
    expect(tagCall.path!.tag).not.toBe('x');
  });
});
