/**
 * Facts about server action bodies that the conformance suite or Nova's sources settled and that a
 * later edit could undo without any other test noticing.
 */
import { describe, expect, it } from 'vitest';
import { validatorFor } from './load.ts';

describe('server action request bodies', () => {
  const validators = new Map<string, (value: unknown) => boolean>();
  const body = (version: string, value: unknown) => {
    if (!validators.has(version)) {
      const validate = validatorFor(version)('/paths/~1servers~1{server_id}~1action/post/requestBody/content/application~1json/schema');
      validators.set(version, (v) => validate(v) as boolean);
    }
    return validators.get(version)!(value);
  };
  it('leave the outer object of the security group actions open, as Nova does (schemas/security_groups.py)', () => {
    for (const version of ['2.1', '2.93', '2.104']) {
      expect(body(version, { addSecurityGroup: { name: 'default' }, other: 1 }), version).toBe(true);
      expect(body(version, { removeSecurityGroup: { name: 'default' }, other: 1 }), version).toBe(true);
      expect(body(version, { addSecurityGroup: { name: 'default', other: 1 } }), version).toBe(false);
    }
  });
  it('close the outer object of the other actions', () => {
    expect(body('2.1', { reboot: { type: 'SOFT' } })).toBe(true);
    expect(body('2.1', { reboot: { type: 'SOFT' }, other: 1 })).toBe(false);
    expect(body('2.1', { pause: null, other: 1 })).toBe(false);
  });
});
