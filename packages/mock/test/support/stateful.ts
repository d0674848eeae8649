/**
 * The stateful mock (ADR 0012) for one test file, and the one way its tests call it: every answer,
 * errors included, is checked against the response schema of its operation, status and
 * microversion in the spec's view before the test looks at it (a stateful answer the spec refuses
 * fails the test that got it). `checked()` counts the answers checked.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startMockServer, type MockOptions, type MockServer } from '../../src/index.ts';
import { SpecIndex, locateSpecVersions } from '../../src/operations.ts';
import { ViewValidators } from '../../src/view-validators.ts';

export interface Call { status: number; body: any; headers: Headers }

const index = new SpecIndex(locateSpecVersions().dir);
const validators = new ViewValidators(index);

/** What an answer is checked against: the response schema of its operation, status and microversion. */
export function viewErrors(version: string, template: string, method: string, status: number, body: unknown, action?: string): string | undefined {
  const operation = index.operation(version, template, method, action);
  if (!operation) return `${method.toUpperCase()} ${template} does not exist at ${version}`;
  const response = operation.responses?.[String(status)];
  if (!response) return `${status} is not a response of ${method.toUpperCase()} ${template}${action ? `#${action}` : ''} at ${version}`;
  const schema = index.resolve(version, response)?.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? undefined : `the view has no body for ${status} but the mock sent one`;
  const validate = validators.validator(version, schema);
  return validate(body) ? undefined : JSON.stringify(validate.errors?.slice(0, 3));
}

export interface StatefulMockHttp {
  mock(): MockServer;
  /** One request, its answer checked against the view; `template` names the spec path (the action is the body's key). */
  call(version: string, method: string, path: string, template: string, body?: unknown): Promise<Call>;
  checked(): number;
}

/** A stateful mock started before the file's tests and reset before each one. */
export function useStatefulMock(options: MockOptions = {}): StatefulMockHttp {
  let mock: MockServer;
  let checked = 0;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, stateful: true, ...options });
  });
  afterAll(async () => {
    await mock.close();
  });
  beforeEach(() => mock.reset());
  return {
    mock: () => mock,
    checked: () => checked,
    async call(version, method, path, template, body) {
      const response = await fetch(`${mock.endpoint}${path}`, {
        method,
        headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': `compute ${version}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      const parsed = text ? JSON.parse(text) : undefined;
      const action = template.endsWith('/action') && body && typeof body === 'object' ? Object.keys(body)[0] : undefined;
      const errors = viewErrors(version, template, method.toLowerCase(), response.status, parsed, action);
      expect(errors, `${method} ${path} at ${version} answered ${response.status} ${text.slice(0, 300)}`).toBeUndefined();
      checked += 1;
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}
