import type { StoredComment, StoredThread } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { commentAnnouncement } from './commentAnnouncement.js';

const comment = (id: string, authorId: string, authorName: string, body = 'Précisez le public accueilli.'): StoredComment => ({
  id,
  authorId,
  authorName,
  body,
  createdAt: '2026-01-01T00:00:00Z',
});
const thread = (id: string, comments: StoredComment[]): StoredThread => ({ id, authorId: comments[0]!.authorId, createdAt: '2026-01-01T00:00:00Z', resolved: false, comments });

describe('commentAnnouncement', () => {
  it('announces one new comment by someone else with its author and words', () => {
    const before = [thread('t', [comment('1', 'tuteur', 'Marc')])];
    const after = [thread('t', [comment('1', 'tuteur', 'Marc'), comment('2', 'lea', 'Léa', 'Des demandeurs d’emploi.')])];
    expect(commentAnnouncement(before, after, 'tuteur')).toBe('Nouveau commentaire de Léa : « Des demandeurs d’emploi. »');
  });

  it('counts several, and says nothing for one’s own comments or edits', () => {
    const before = [thread('t', [comment('1', 'tuteur', 'Marc')])];
    const after = [thread('t', [comment('1', 'tuteur', 'Marc', 'Modifié')]), thread('u', [comment('2', 'lea', 'Léa'), comment('3', 'paul', 'Paul')])];
    expect(commentAnnouncement(before, after, 'tuteur')).toBe('2 nouveaux commentaires (Léa, Paul).');
    expect(commentAnnouncement(before, [thread('t', [comment('1', 'tuteur', 'Marc'), comment('4', 'tuteur', 'Marc')])], 'tuteur')).toBeNull();
  });
});
