import {
  putThread,
  recordAssessment,
  reviewRoomOf,
  threadsMap,
  type Anchor,
  type ReferentialManifest,
  type ReferentialNode,
  type StoredAssessment,
  type StoredThread,
} from '@canevas/core';
import type { User } from '../accounts/AccountStore.js';
import type { ReferentialCatalog } from '../plugins/ReferentialCatalog.js';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import type { SyncEngine } from '../sync/SyncEngine.js';
import { ReviewError } from './EvidenceService.js';
import { newId } from '../newId.js';

export interface ReviewLayerServiceOptions {
  engine: SyncEngine;
  referentials: ReferentialCatalog;
  now?: () => Date;
}

/**
 * The only writer of comment threads and assessments. Callers have already checked the role;
 * this checks the content (nodes, scale levels, authorship) and applies the change to the review
 * doc through the engine, so it is stored before anyone receives it.
 */
export class ReviewLayerService {
  private readonly now: () => Date;

  constructor(private readonly options: ReviewLayerServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async createThread(document: DocumentMetadata, author: User, input: { anchor?: Anchor | undefined; nodeId?: string | undefined; body: string }): Promise<StoredThread> {
    if (!input.anchor && !input.nodeId) throw new ReviewError('BAD_REQUEST', 'Un commentaire porte sur un passage, sur un critère, ou sur les deux.');
    if (input.nodeId) this.node(document, input.nodeId);
    const at = this.now().toISOString();
    const thread: StoredThread = {
      id: newId(12),
      ...(input.anchor && { anchor: input.anchor }),
      ...(input.nodeId && { nodeId: input.nodeId }),
      authorId: author.id,
      createdAt: at,
      resolved: false,
      comments: [{ id: newId(12), authorId: author.id, authorName: author.name, body: input.body, createdAt: at }],
    };
    await this.change(document.id, (doc) => putThread(doc, thread));
    return thread;
  }

  async reply(documentId: string, author: User, input: { threadId: string; body: string }): Promise<StoredThread> {
    return this.updateThread(documentId, input.threadId, (thread) => ({
      ...thread,
      comments: [...thread.comments, { id: newId(12), authorId: author.id, authorName: author.name, body: input.body, createdAt: this.now().toISOString() }],
    }));
  }

  /** Only the author edits or deletes a comment; a deleted one keeps its place without its text. */
  async editComment(documentId: string, author: User, input: { threadId: string; commentId: string; body: string | null }): Promise<StoredThread> {
    return this.updateThread(documentId, input.threadId, (thread) => {
      const target = thread.comments.find((comment) => comment.id === input.commentId);
      if (!target || target.deleted) throw new ReviewError('NOT_FOUND', 'Commentaire introuvable.');
      if (target.authorId !== author.id) throw new ReviewError('FORBIDDEN', 'Seul son auteur peut modifier ou supprimer un commentaire.');
      const at = this.now().toISOString();
      return {
        ...thread,
        comments: thread.comments.map((comment) =>
          comment.id !== input.commentId ? comment : input.body === null ? { ...comment, body: '', deleted: true, editedAt: at } : { ...comment, body: input.body, editedAt: at },
        ),
      };
    });
  }

  /** The thread's author, an owner or a tutor resolves and reopens (the caller passes the role). */
  async setResolved(documentId: string, actor: User, canModerate: boolean, input: { threadId: string; resolved: boolean }): Promise<StoredThread> {
    return this.updateThread(documentId, input.threadId, (thread) => {
      if (thread.authorId !== actor.id && !canModerate) {
        throw new ReviewError('FORBIDDEN', 'Seuls l’auteur du fil, un propriétaire ou un tuteur peuvent le résoudre ou le rouvrir.');
      }
      const { resolvedBy: _by, resolvedAt: _at, ...rest } = thread;
      return input.resolved ? { ...rest, resolved: true, resolvedBy: actor.name, resolvedAt: this.now().toISOString() } : { ...rest, resolved: false };
    });
  }

  /** A level of the node's scale, with optional feedback; every change joins the history. */
  async assess(document: DocumentMetadata, assessor: User, input: { nodeId: string; level: string; feedback?: string | undefined }): Promise<StoredAssessment> {
    const { manifest, node } = this.node(document, input.nodeId);
    if (!node.assessable) throw new ReviewError('BAD_REQUEST', `« ${node.code ?? node.id} » ne s’évalue pas directement.`);
    const scaleId = node.scale ?? manifest.scales[0]?.id;
    const scale = manifest.scales.find((candidate) => candidate.id === scaleId);
    if (!scale) throw new ReviewError('BAD_REQUEST', `Aucune échelle d’évaluation pour « ${node.code ?? node.id} ».`);
    if (!scale.levels.some((level) => level.id === input.level)) {
      const allowed = scale.levels.map((level) => `« ${level.label} »`).join(', ');
      throw new ReviewError('BAD_REQUEST', `Niveau inconnu pour « ${node.code ?? node.id} » : choisissez parmi ${allowed}.`);
    }
    let stored: StoredAssessment | undefined;
    await this.change(document.id, (doc) => {
      stored = recordAssessment(doc, {
        nodeId: node.id,
        level: input.level,
        by: assessor.id,
        byName: assessor.name,
        at: this.now().toISOString(),
        ...(input.feedback !== undefined && input.feedback !== '' && { feedback: input.feedback }),
      });
    });
    return stored!;
  }

  private node(document: DocumentMetadata, nodeId: string): { manifest: ReferentialManifest; node: ReferentialNode } {
    if (document.referentialId === null) throw new ReviewError('BAD_REQUEST', 'Ce document n’est rattaché à aucun référentiel.');
    const manifest = this.options.referentials.registry.get(document.referentialId);
    if (!manifest) throw new ReviewError('BAD_REQUEST', `Le référentiel « ${document.referentialId} » n’est pas disponible sur ce serveur.`);
    const node = manifest.nodes.find((candidate) => candidate.id === nodeId);
    if (!node) throw new ReviewError('BAD_REQUEST', `Critère inconnu dans le référentiel « ${manifest.id} » : « ${nodeId} ».`);
    return { manifest, node };
  }

  private async updateThread(documentId: string, threadId: string, update: (thread: StoredThread) => StoredThread): Promise<StoredThread> {
    let next: StoredThread | undefined;
    await this.change(documentId, (doc) => {
      const thread = threadsMap(doc).get(threadId);
      if (!thread) throw new ReviewError('NOT_FOUND', 'Fil de commentaires introuvable.');
      next = update(thread);
      putThread(doc, next);
    });
    return next!;
  }

  private async change(documentId: string, change: Parameters<SyncEngine['applyServerChange']>[1]): Promise<void> {
    const result = await this.options.engine.applyServerChange(reviewRoomOf(documentId), change);
    if (!result.found) throw new ReviewError('NOT_FOUND', 'Document introuvable.');
  }
}
