import { describe, expect, it } from 'vitest';
import { portablePattern, withPortablePatterns } from '../src/portable-pattern.ts';

const printableName = '^(?![\\p{C}\\p{Z}])[^\\p{C}\\p{Zl}\\p{Zp}\\u{10000}-\\u{10FFFF}]*(?<![\\p{C}\\p{Z}])$';

describe('portable patterns', () => {
  it('spells a Unicode-class pattern so that it compiles and answers the same without the u flag', () => {
    const portable = portablePattern(printableName)!;
    expect(portable).not.toMatch(/\\[pu]\{/);
    const loose = new RegExp(portable);
    expect(loose.test('web-1')).toBe(true);
    expect(loose.test('caf\u00E9 \u4E2D')).toBe(true);
    expect(loose.test(' leading')).toBe(false);
    expect(loose.test('trailing\u00A0')).toBe(false);
    expect(loose.test('tab\there')).toBe(false);
    expect(loose.test('emoji \u{1F600}')).toBe(false);
  });

  it('leaves other patterns alone and keeps the original beside the rewrite', () => {
    expect(portablePattern('^[a-z]+$')).toBeUndefined();
    const document = { components: { schemas: { Name: { type: 'string', pattern: printableName }, Plain: { type: 'string', pattern: '^x$' } } } };
    expect(withPortablePatterns(document as never)).toBe(1);
    expect(document.components.schemas.Name).toMatchObject({ 'x-novaspec-unicode-pattern': printableName });
    expect(document.components.schemas.Plain).toEqual({ type: 'string', pattern: '^x$' });
  });

  it('refuses a rewrite that would change the meaning', () => {
    expect(() => portablePattern('^[\\p{L}]+$')).toThrow(/answers differently/);
    expect(() => portablePattern('^\\p{L}$')).toThrow(/outside a character class/);
  });
});
