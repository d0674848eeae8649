import { describe, expect, it } from 'vitest';
import { checkAnnotation, checkDeprecated, checkNesting, checkVariants } from '../src/lint.ts';

const bounds = { min: 1, max: 104 };
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('lint checks of x-openstack', () => {
  const table: { name: string; node: unknown; want: string[] }[] = [
    { name: 'a good range', node: { 'x-openstack': { 'min-ver': '2.3', 'max-ver': '2.56' } }, want: [] },
    { name: 'a number instead of a string', node: { 'x-openstack': { 'min-ver': 2.3 } }, want: ['x-openstack-version-format'] },
    { name: 'a leading zero', node: { 'x-openstack': { 'min-ver': '2.03' } }, want: ['x-openstack-version-format'] },
    { name: 'past the newest', node: { 'x-openstack': { 'min-ver': '2.105' } }, want: ['x-openstack-version-format'] },
    { name: 'before the oldest', node: { 'x-openstack': { 'max-ver': '2.0' } }, want: ['x-openstack-version-format'] },
    { name: 'min after max', node: { 'x-openstack': { 'min-ver': '2.60', 'max-ver': '2.6' } }, want: ['x-openstack-range-order'] },
    { name: 'a nested flag range', node: { 'x-openstack': { 'strict-query': { 'min-ver': 'two' } } }, want: ['x-openstack-version-format'] },
    {
      name: 'overlapping overrides',
      node: { 'x-openstack': { overrides: [{ 'min-ver': '2.37', required: ['a'] }, { 'min-ver': '2.40', required: ['b'] }] } },
      want: ['x-openstack-overrides'],
    },
    { name: 'an override of a keyword not allowed', node: { 'x-openstack': { overrides: [{ 'min-ver': '2.37', properties: {} }] } }, want: ['x-openstack-overrides'] },
    { name: 'an override with no range', node: { 'x-openstack': { overrides: [{ required: ['a'] }] } }, want: ['x-openstack-overrides'] },
    { name: 'an override outside the node', node: { 'x-openstack': { 'max-ver': '2.10', overrides: [{ 'min-ver': '2.37', required: ['a'] }] } }, want: ['x-openstack-overrides'] },
  ];
  for (const { name, node, want } of table) {
    it(name, () => expect(rules(checkAnnotation(node, bounds))).toEqual(want));
  }

  it('finds a gap between variants', () => {
    const schema = { anyOf: [{ 'x-openstack': { 'max-ver': '2.46' } }, { 'x-openstack': { 'min-ver': '2.48' } }] };
    expect(checkVariants(schema, bounds)).toEqual([expect.objectContaining({ rule: 'x-openstack-variants-cover', message: expect.stringContaining('2.47') })]);
  });

  it('accepts variants that cover the node, and anyOfs with an unranged branch', () => {
    expect(checkVariants({ anyOf: [{ 'x-openstack': { 'max-ver': '2.46' } }, { 'x-openstack': { 'min-ver': '2.47' } }] }, bounds)).toEqual([]);
    expect(checkVariants({ 'x-openstack': { 'min-ver': '2.69' }, anyOf: [{ 'x-openstack': { 'min-ver': '2.69' } }] }, bounds)).toEqual([]);
    expect(checkVariants({ anyOf: [{}, { 'x-openstack': { 'min-ver': '2.69' } }] }, bounds)).toEqual([]);
  });

  it('wants deprecated on what was removed', () => {
    expect(rules(checkDeprecated({ 'x-openstack': { 'max-ver': '2.56' } }, bounds))).toEqual(['x-openstack-removed-deprecated']);
    expect(checkDeprecated({ deprecated: true, 'x-openstack': { 'max-ver': '2.56' } }, bounds)).toEqual([]);
    expect(checkDeprecated({ 'x-openstack': { 'min-ver': '2.56' } }, bounds)).toEqual([]);
  });

  it('keeps a node inside its operation', () => {
    expect(rules(checkNesting({ 'x-openstack': { 'min-ver': '2.40' } }, { min: 47, max: 104 }, bounds))).toEqual(['x-openstack-range-nesting']);
    expect(checkNesting({ 'x-openstack': { 'min-ver': '2.50' } }, { min: 47, max: 104 }, bounds)).toEqual([]);
  });
});
