import type { StoredComment, StoredThread } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { canChangeComment, canComment, canResolve } from './commentPermissions.js';

const comment = (authorId: string, deleted = false): StoredComment => ({ id: 'k', authorId, authorName: 'X', body: 'Texte', createdAt: '2026-01-01T00:00:00Z', ...(deleted ? { deleted } : {}) });
const thread: StoredThread = { id: 't', authorId: 'editrice', createdAt: '2026-01-01T00:00:00Z', resolved: false, comments: [comment('editrice')] };

describe('comment permissions (as the server enforces them)', () => {
  it('lets owners, editors and tutors comment, not viewers', () => {
    expect((['owner', 'editor', 'tutor', 'viewer'] as const).map(canComment)).toEqual([true, true, true, false]);
  });

  it('lets the author, an owner or a tutor resolve a thread', () => {
    expect(canResolve(thread, 'editrice', 'editor')).toBe(true);
    expect(canResolve(thread, 'autre', 'editor')).toBe(false);
    expect(canResolve(thread, 'autre', 'owner')).toBe(true);
    expect(canResolve(thread, 'autre', 'tutor')).toBe(true);
    expect(canResolve(thread, 'editrice', 'viewer')).toBe(false);
  });

  it('lets people edit and delete only their own comments, and not once deleted', () => {
    expect(canChangeComment(comment('moi'), 'moi', 'tutor')).toBe(true);
    expect(canChangeComment(comment('autre'), 'moi', 'owner')).toBe(false);
    expect(canChangeComment(comment('moi', true), 'moi', 'tutor')).toBe(false);
    expect(canChangeComment(comment('moi'), 'moi', 'viewer')).toBe(false);
  });
});
