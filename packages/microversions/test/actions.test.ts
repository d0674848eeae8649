import { describe, expect, it } from 'vitest';
import { actionsOf, withActionOperations } from '../src/actions.ts';
import { viewAt } from '../src/view.ts';
import { actionsDoc } from './fixtures/actions.ts';

type Doc = any; // read by path

const perAction = (version?: string): Doc => {
  const doc = version ? viewAt(structuredClone(actionsDoc), version).document : structuredClone(actionsDoc);
  return withActionOperations(doc, { replace: true });
};
const post = (doc: Doc, action: string) => doc.paths[`/servers/{server_id}/action#${action}`]?.post;

describe('actions: one operation per action, derived from the one endpoint', () => {
  it('finds the actions of an endpoint in the order of its oneOf', () => {
    const op = actionsDoc.paths['/servers/{server_id}/action'].post;
    expect(actionsOf(actionsDoc, op).map((a) => a.name)).toEqual(['reboot', 'createImage', 'trigger_crash_dump']);
  });

  it('replaces the union operation by one per action for the docs', () => {
    const doc = perAction();
    expect(Object.keys(doc.paths)).toEqual([
      '/servers/{server_id}/action#reboot', '/servers/{server_id}/action#createImage', '/servers/{server_id}/action#trigger_crash_dump',
    ]);
    expect(post(doc, 'reboot')).toMatchObject({ operationId: 'rebootServer', summary: 'Reboot a server' });
    expect(post(doc, 'reboot').description).toBe('Sent as `POST /servers/{server_id}/action` with a JSON body whose only key is `reboot`.\n\nReboots.');
    expect(post(doc, 'reboot').requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RebootRequest' });
    expect(Object.keys(post(doc, 'reboot').requestBody.content['application/json'].examples)).toEqual(['reboot']);
  });

  it('keeps only the answers of the action', () => {
    const doc = perAction();
    expect(post(doc, 'reboot').responses['202']).toEqual({ description: 'Accepted.' });
    expect(post(doc, 'createImage').responses['202'].headers.Location).toBeDefined();
    expect(post(doc, 'createImage').responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ImageId' });
    expect(post(doc, 'reboot').responses['409']).toEqual({ description: 'Conflict.' });
  });

  it('at a microversion, an action has the answer of that microversion', () => {
    const at244 = perAction('2.44');
    expect(post(at244, 'createImage').responses['202'].headers.Location).toBeDefined();
    expect(post(at244, 'createImage').responses['202'].content).toBeUndefined();
    const at245 = perAction('2.45');
    expect(post(at245, 'createImage').responses['202'].headers).toBeUndefined();
    expect(post(at245, 'createImage').responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ImageId' });
  });

  it('an action outside its range has no entry at that microversion', () => {
    expect(post(perAction('2.16'), 'trigger_crash_dump')).toBeUndefined();
    expect(post(perAction('2.17'), 'trigger_crash_dump')).toBeDefined();
  });

  it('keeps the real endpoint next to the actions when asked (types)', () => {
    const doc: Doc = withActionOperations(structuredClone(actionsDoc), { replace: false });
    expect(Object.keys(doc.paths)).toContain('/servers/{server_id}/action');
    expect(Object.keys(doc.paths)).toHaveLength(4);
  });
});
