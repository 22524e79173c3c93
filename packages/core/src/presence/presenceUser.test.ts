import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX_LENGTH, PRESENCE_COLORS, displayNameProblem, presenceColor } from './presenceUser.js';

describe('presenceColor', () => {
  it('gives an account the same palette colour every time, and spreads accounts over the palette', () => {
    expect(presenceColor('abc')).toBe(presenceColor('abc'));
    const seen = new Set(Array.from({ length: 200 }, (_, i) => presenceColor(`user-${i}`)));
    for (const color of seen) expect(PRESENCE_COLORS).toContain(color);
    expect(seen.size).toBe(PRESENCE_COLORS.length);
  });
});

describe('displayNameProblem', () => {
  it('accepts a trimmed name up to the limit and refuses empty, too long and control characters', () => {
    expect(displayNameProblem('  Bastien  ')).toBeNull();
    expect(displayNameProblem('x'.repeat(DISPLAY_NAME_MAX_LENGTH))).toBeNull();
    expect(displayNameProblem('   ')).toBe('Indiquez votre nom.');
    expect(displayNameProblem('x'.repeat(DISPLAY_NAME_MAX_LENGTH + 1))).toMatch(/ne doit pas dépasser 80 caractères/);
    expect(displayNameProblem('Claire\u0000')).toMatch(/caractères de contrôle/);
  });
});
