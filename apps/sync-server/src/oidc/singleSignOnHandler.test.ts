import { expect, it } from 'vitest';
import { safeReturnPath } from './singleSignOnHandler.js';

it('returns only to a path of this origin, never to another site', () => {
  expect(safeReturnPath('/documents/abc?x=1')).toBe('/documents/abc?x=1');
  for (const hostile of [null, '', 'https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', `/${'a'.repeat(1000)}`]) {
    expect(safeReturnPath(hostile)).toBe('/');
  }
});
