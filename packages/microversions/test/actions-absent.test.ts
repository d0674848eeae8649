import { describe, expect, it } from 'vitest';
import { withActionOperations } from '../src/actions.ts';
import { viewAt } from '../src/view.ts';

type Doc = any; // read by path

/** One 202 whose body and Location header belong to different actions in different ranges. */
const doc = {
  openapi: '3.1.0',
  info: { title: 'Actions', version: '1', 'x-openstack': { 'min-ver': '2.1', 'max-ver': '2.104' } },
  paths: {
    '/servers/{server_id}/action': {
      post: {
        operationId: 'runServerAction',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { title: 'reboot', type: 'object', 'x-openstack': { 'action-name': 'reboot' } },
                  { title: 'rebuild', type: 'object', 'x-openstack': { 'action-name': 'rebuild' } },
                  { title: 'createImage', type: 'object', 'x-openstack': { 'action-name': 'createImage' } },
                  { title: 'evacuate', type: 'object', 'x-openstack': { 'action-name': 'evacuate' } },
                  { title: 'rescue', type: 'object', 'x-openstack': { 'action-name': 'rescue' } },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'OK.',
            'x-openstack': { actions: ['evacuate', 'rescue'] },
            content: {
              'application/json': {
                schema: {
                  anyOf: [
                    { title: 'Password', type: 'object', 'x-openstack': { actions: ['evacuate'], 'max-ver': '2.13' } },
                    { title: 'Rescue', type: 'object', 'x-openstack': { actions: ['rescue'] } },
                  ],
                },
              },
            },
          },
          '202': {
            description: 'Accepted.',
            'x-openstack': { actions: ['reboot', 'rebuild', 'createImage'] },
            headers: {
              Location: {
                'x-openstack': { actions: ['rebuild', 'createImage'] },
                schema: {
                  anyOf: [
                    { type: 'string', 'x-openstack': { actions: ['rebuild'] } },
                    { type: 'string', 'x-openstack': { actions: ['createImage'], 'max-ver': '2.44' } },
                  ],
                },
              },
            },
            content: {
              'application/json': {
                'x-openstack': { actions: ['rebuild', 'createImage'] },
                schema: {
                  anyOf: [
                    { title: 'Server', type: 'object', 'x-openstack': { actions: ['rebuild'] } },
                    { title: 'ImageId', type: 'object', 'x-openstack': { actions: ['createImage'], 'min-ver': '2.45' } },
                  ],
                },
              },
            },
          },
        },
      },
    },
  },
};

const post = (version: string, action: string): Doc =>
  (withActionOperations(viewAt(structuredClone(doc), version).document, { replace: true }) as Doc).paths[
    `/servers/{server_id}/action#${action}`
  ].post;

describe('actions: a node whose every variant belongs elsewhere does not exist for the action', () => {
  it('drops a body whose only variants belong to other actions or other microversions', () => {
    expect(post('2.44', 'createImage').responses['202'].content).toBeUndefined();
    expect(post('2.45', 'createImage').responses['202'].content['application/json'].schema.title).toBe('ImageId');
    expect(post('2.44', 'rebuild').responses['202'].content['application/json'].schema.title).toBe('Server');
    expect(post('2.1', 'reboot').responses['202'].content).toBeUndefined();
  });

  it('drops a header whose only variants belong to other actions or other microversions', () => {
    expect(post('2.44', 'createImage').responses['202'].headers.Location).toBeDefined();
    expect(post('2.45', 'createImage').responses['202'].headers).toBeUndefined();
    expect(post('2.45', 'rebuild').responses['202'].headers.Location.schema.type).toBe('string');
  });

  it('drops a body when the anyOf of its schema is left empty', () => {
    expect(post('2.13', 'evacuate').responses['200'].content['application/json'].schema.title).toBe('Password');
    expect(post('2.14', 'evacuate').responses['200'].content).toBeUndefined();
    expect(post('2.14', 'rescue').responses['200'].content['application/json'].schema.title).toBe('Rescue');
  });
});
