import { describe, expect, it } from 'vitest';
import { safeHref } from './safeHref.js';

describe('safeHref', () => {
  it('keeps absolute http, https and mailto addresses', () => {
    expect(safeHref('https://www.tzcld.fr/territoires')).toBe('https://www.tzcld.fr/territoires');
    expect(safeHref('http://exemple.fr/a b')).toBe('http://exemple.fr/a%20b');
    expect(safeHref('mailto:contact@exemple.fr')).toBe('mailto:contact@exemple.fr');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relatif',
    '',
    42,
  ])('turns %j into plain text', (href) => {
    expect(safeHref(href)).toBeUndefined();
  });
});
