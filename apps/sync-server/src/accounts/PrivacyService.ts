import {
  assessmentsMap,
  evidenceMap,
  putEvidenceLinks,
  putThread,
  readAssessments,
  readEvidenceLinks,
  readThreads,
  reviewRoomOf,
  type StoredAssessment,
  type StoredThread,
} from '@canevas/core';
import type { ServerChanges } from '../review/ServerChanges.js';
import type { Stores } from '../store/Stores.js';
import type { AuditEntry, Role, User } from './AccountStore.js';
import { ERASED_AUTHOR } from './PrivacyStore.js';

export const DELETED_AUTHOR = ERASED_AUTHOR;

export interface UserExport {
  exportedAt: string;
  account: User;
  workspaces: { id: string; name: string; role: Role }[];
  apiTokens: { name: string; createdAt: string; lastUsedAt: string | null }[];
  comments: { documentId: string; documentTitle: string; threadId: string; body: string; createdAt: string }[];
  assessments: { documentId: string; documentTitle: string; nodeId: string; from: string | null; to: string; feedback?: string; at: string }[];
  evidenceLinks: { documentId: string; documentTitle: string; nodeId: string; quote: string; createdAt: string }[];
  submissions: { documentId: string; name: string; createdAt: string }[];
  activity: AuditEntry[];
}

export class PrivacyError extends Error {
  override readonly name = 'PrivacyError';
}

/**
 * RGPD rights of access and erasure. Erasure anonymises authorship everywhere it appears
 * (comments, assessments, evidence, submissions, audit log) and removes the account; the
 * documents themselves stay intact, since they belong to their workspace.
 */
export class PrivacyService {
  /**
   * `rooms` rewrites the review docs: the server's sync engine, or, in a command run while the
   * server is stopped, the store directly (`StoredRoomChanges`).
   */
  constructor(
    private readonly options: { stores: Pick<Stores, 'accounts' | 'documents' | 'submissions' | 'privacy'>; rooms: ServerChanges },
  ) {}

  async exportUser(userId: string): Promise<UserExport> {
    const { accounts } = this.options.stores;
    const account = await accounts.getUser(userId);
    if (!account) throw new PrivacyError('Compte introuvable.');
    const result: UserExport = {
      exportedAt: new Date().toISOString(),
      account,
      workspaces: (await accounts.listWorkspacesOf(userId)).map(({ workspace, role }) => ({ id: workspace.id, name: workspace.name, role })),
      apiTokens: (await accounts.listApiTokens(userId)).map((token) => ({
        name: token.name,
        createdAt: new Date(token.createdAt).toISOString(),
        lastUsedAt: token.lastUsedAt === null ? null : new Date(token.lastUsedAt).toISOString(),
      })),
      comments: [],
      assessments: [],
      evidenceLinks: [],
      submissions: [],
      activity: await wholeActivity(accounts, userId),
    };
    for (const document of await this.documentsOf(result.workspaces.map((workspace) => workspace.id))) {
      const review = await this.options.rooms.applyServerChange(reviewRoomOf(document.id), (doc) => ({
        threads: readThreads(doc),
        assessments: readAssessments(doc),
        evidence: readEvidenceLinks(doc),
      }));
      if (!review.found) continue;
      const base = { documentId: document.id, documentTitle: document.title };
      for (const thread of review.value.threads) {
        for (const comment of thread.comments) {
          if (comment.authorId === userId && !comment.deleted) result.comments.push({ ...base, threadId: thread.id, body: comment.body, createdAt: comment.createdAt });
        }
      }
      for (const assessment of review.value.assessments) {
        for (const change of assessment.history) {
          if (change.by === userId) {
            result.assessments.push({ ...base, nodeId: assessment.nodeId, from: change.from, to: change.to, at: change.at, ...(change.feedback !== undefined && { feedback: change.feedback }) });
          }
        }
      }
      for (const link of review.value.evidence) {
        if (link.createdBy === account.name) result.evidenceLinks.push({ ...base, nodeId: link.nodeId, quote: link.anchor.quote.exact, createdAt: link.createdAt });
      }
    }
    const submissions = await this.options.stores.submissions.listByAuthor(account.name);
    result.submissions = submissions.map((submission) => ({ documentId: submission.documentId, name: submission.name, createdAt: new Date(submission.createdAt).toISOString() }));
    return result;
  }

  /** Refuses to leave a workspace without owner or the instance without administrator. */
  async deleteUser(userId: string): Promise<{ documents: number }> {
    const { accounts, privacy } = this.options.stores;
    const user = await accounts.getUser(userId);
    if (!user) throw new PrivacyError('Compte introuvable.');
    if (user.isAdmin && (await accounts.listUsers()).filter((candidate) => candidate.isAdmin).length === 1) {
      throw new PrivacyError('C’est le seul compte administrateur : nommez-en un autre avant de le supprimer.');
    }
    const memberships = await accounts.listWorkspacesOf(userId);
    for (const { workspace, role } of memberships) {
      if (role !== 'owner') continue;
      const owners = (await accounts.listMembers(workspace.id)).filter((member) => member.role === 'owner');
      if (owners.length === 1) throw new PrivacyError(`Seul propriétaire de « ${workspace.name} » : transférez la propriété avant de supprimer ce compte.`);
    }
    const documents = await this.documentsOf(memberships.map(({ workspace }) => workspace.id));
    for (const document of documents) {
      await this.options.rooms.applyServerChange(reviewRoomOf(document.id), (doc) => anonymiseReview(doc, user));
    }
    // Submissions, the audit log (details name members by id) and the account with its sessions,
    // tokens and memberships, in one transaction.
    await privacy.eraseUser({ id: user.id, name: user.name });
    await accounts.audit({ at: Date.now(), userId: null, action: 'user.deleted', detail: { documents: documents.length } });
    return { documents: documents.length };
  }

  private async documentsOf(workspaceIds: readonly string[]) {
    const wanted = new Set(workspaceIds);
    return (await this.options.stores.documents.listDocuments()).filter((document) => document.workspaceId !== null && wanted.has(document.workspaceId));
  }
}

function anonymiseReview(doc: Parameters<typeof readThreads>[0], user: User): void {
  for (const thread of readThreads(doc)) {
    if (thread.authorId !== user.id && !thread.comments.some((comment) => comment.authorId === user.id) && thread.resolvedBy !== user.name) continue;
    const next: StoredThread = {
      ...thread,
      authorId: thread.authorId === user.id ? '' : thread.authorId,
      ...(thread.resolvedBy === user.name && { resolvedBy: DELETED_AUTHOR }),
      comments: thread.comments.map((comment) => (comment.authorId === user.id ? { ...comment, authorId: '', authorName: DELETED_AUTHOR } : comment)),
    };
    putThread(doc, next);
  }
  const assessments = assessmentsMap(doc);
  for (const assessment of readAssessments(doc)) {
    if (assessment.by !== user.id && !assessment.history.some((change) => change.by === user.id)) continue;
    const next: StoredAssessment = {
      ...assessment,
      ...(assessment.by === user.id && { by: '', byName: DELETED_AUTHOR }),
      history: assessment.history.map((change) => (change.by === user.id ? { ...change, by: '', byName: DELETED_AUTHOR } : change)),
    };
    assessments.set(assessment.nodeId, next);
  }
  const links = readEvidenceLinks(doc).filter((link) => link.createdBy === user.name);
  if (links.length > 0 && evidenceMap(doc).size > 0) putEvidenceLinks(doc, links.map((link) => ({ ...link, createdBy: DELETED_AUTHOR })));
}

/** Every audit entry of the person, newest first: an export of one's data leaves none out. */
async function wholeActivity(accounts: Stores['accounts'], userId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const entry of accounts.readAudit({ userId })) entries.push(entry);
  return entries.reverse();
}
