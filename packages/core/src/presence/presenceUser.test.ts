import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX_LENGTH, PRESENCE_COLORS, displayNameProblem, memberPresenceColor, presenceColor } from './presenceUser.js';

describe('presenceColor', () => {
  it('gives an account the same palette colour every time, and spreads accounts over the palette', () => {
    expect(presenceColor('abc')).toBe(presenceColor('abc'));
    const seen = new Set(Array.from({ length: 200 }, (_, i) => presenceColor(`user-${i}`)));
    for (const color of seen) expect(PRESENCE_COLORS).toContain(color);
    expect(seen.size).toBe(PRESENCE_COLORS.length);
  });
});

describe('memberPresenceColor', () => {
  const members = ['u-h', 'u-g', 'u-f', 'u-e', 'u-d', 'u-c', 'u-b', 'u-a', 'u-9'].map((userId, i) => ({ userId, since: 1000 + i }));

  it('gives the first eight members of a workspace eight different colours, in the order they joined', () => {
    const colors = members.slice(0, 8).map((member) => memberPresenceColor(members, member.userId));
    expect(colors).toEqual([...PRESENCE_COLORS]);
    // The ninth starts the palette again: only beyond eight members can two share a colour.
    expect(memberPresenceColor(members, 'u-9')).toBe(PRESENCE_COLORS[0]);
  });

  it('does not depend on the order the store lists members in, and breaks ties on the id', () => {
    const shuffled = [...members].reverse();
    expect(memberPresenceColor(shuffled, 'u-f')).toBe(memberPresenceColor(members, 'u-f'));
    const sameTime = [{ userId: 'b', since: 5 }, { userId: 'a', since: 5 }];
    expect([memberPresenceColor(sameTime, 'a'), memberPresenceColor(sameTime, 'b')]).toEqual([PRESENCE_COLORS[0], PRESENCE_COLORS[1]]);
  });

  it('falls back to the account colour for someone who is not a member', () => {
    expect(memberPresenceColor(members, 'stranger')).toBe(presenceColor('stranger'));
  });
});

describe('PRESENCE_COLORS', () => {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = (hex: string) => {
    const [r, g, b] = channels(hex).map(linear) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  // CIELAB from sRGB under D65, the space in which ΔE*76 is a distance people perceive.
  const lab = (hex: string) => {
    const [r, g, b] = channels(hex).map(linear) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)] as const;
  };

  it('keeps white text on every colour above 4.5:1', () => {
    for (const color of PRESENCE_COLORS) expect(1.05 / (luminance(color) + 0.05), color).toBeGreaterThanOrEqual(4.5);
  });

  it('has no two colours closer than ΔE 25, so two people never look alike', () => {
    for (const [i, a] of PRESENCE_COLORS.entries()) {
      for (const b of PRESENCE_COLORS.slice(i + 1)) {
        const [la, aa, ba] = lab(a);
        const [lb, ab, bb] = lab(b);
        expect(Math.hypot(la - lb, aa - ab, ba - bb), `${a} / ${b}`).toBeGreaterThanOrEqual(25);
      }
    }
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
