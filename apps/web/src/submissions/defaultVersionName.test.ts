import { describe, expect, it } from 'vitest';
import { accessActionLabel } from '../privacy/accessActionLabels.js';
import { defaultVersionName } from './defaultVersionName.js';

describe('defaultVersionName', () => {
  it('proposes « Version du » and the day, in French', () => {
    expect(defaultVersionName(new Date(2026, 2, 3, 14, 5))).toBe('Version du 3 mars 2026');
  });
});

describe('accessActionLabel', () => {
  it('says the access log’s actions in French and keeps unknown ones as they are', () => {
    expect(accessActionLabel('document.open')).toBe('A ouvert le document');
    expect(accessActionLabel('submission.opened')).toBe('A consulté une version soumise');
    expect(accessActionLabel('autre.action')).toBe('autre.action');
  });
});
