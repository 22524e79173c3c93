import { describe, expect, it } from 'vitest';
import { prefillTitle } from './prefillTitle.js';

describe('prefillTitle', () => {
  it('fills an empty title and follows the template while the user has not changed it', () => {
    expect(prefillTitle('', '', "Plan d’actions")).toBe("Plan d’actions");
    expect(prefillTitle("Plan d’actions", "Plan d’actions", 'Budget et veille financements')).toBe('Budget et veille financements');
    expect(prefillTitle('  ', 'Pitch', '')).toBe('');
  });

  it('keeps a title the user typed', () => {
    expect(prefillTitle('Plan 2026 — Lille', "Plan d’actions", 'Pitch')).toBe('Plan 2026 — Lille');
    expect(prefillTitle('Mon document', '', "Plan d’actions")).toBe('Mon document');
  });

  it('goes back to empty when « Document libre » replaces an untouched suggestion', () => {
    expect(prefillTitle('Pitch', 'Pitch', '')).toBe('');
  });
});
