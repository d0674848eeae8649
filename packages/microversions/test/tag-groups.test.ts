/** The docs' navigation groups: the removed APIs apart, every tag in exactly one group. */
import { describe, expect, it } from 'vitest';
import { LIVE_GROUP, REMOVED_GROUP, withTagGroups } from '../src/tag-groups.ts';

const gone = { tags: ['cells'], deprecated: true, 'x-openstack': { removed: true }, responses: { '410': {} } };
const proxy = { tags: ['networks'], deprecated: true, 'x-openstack': { 'max-ver': '2.35' }, responses: { '200': {} } };
const doc = {
  tags: [{ name: 'servers' }, { name: 'networks' }, { name: 'cells' }, { name: 'network-management' }],
  paths: {
    '/servers': { get: { tags: ['servers'], responses: { '200': {} } } },
    '/os-networks': { get: proxy, post: { ...gone, tags: ['network-management'] } },
    '/os-cells': { get: gone, post: gone },
    '/os-keypairs': { get: { tags: ['keypairs'], responses: { '200': {} } } },
  },
};

describe('withTagGroups', () => {
  const groups = withTagGroups(doc)['x-tagGroups'] as { name: string; tags: string[] }[];
  const cases: { tag: string; group: string }[] = [
    { tag: 'servers', group: LIVE_GROUP },
    { tag: 'networks', group: LIVE_GROUP },
    { tag: 'cells', group: REMOVED_GROUP },
    { tag: 'network-management', group: REMOVED_GROUP },
    { tag: 'keypairs', group: LIVE_GROUP },
  ];
  for (const { tag, group } of cases) {
    it(`puts ${tag} in ${group} only`, () => {
      expect(groups.filter((g) => g.tags.includes(tag)).map((g) => g.name)).toEqual([group]);
    });
  }
  it('keeps the root\'s tag order and appends tags it does not declare', () => {
    expect(groups).toEqual([{ name: LIVE_GROUP, tags: ['servers', 'networks', 'keypairs'] }, { name: REMOVED_GROUP, tags: ['cells', 'network-management'] }]);
  });
  it('leaves out the removed group when nothing is removed', () => {
    expect(withTagGroups({ tags: [{ name: 'servers' }], paths: { '/servers': doc.paths['/servers'] } })['x-tagGroups']).toEqual([{ name: LIVE_GROUP, tags: ['servers'] }]);
  });
});
