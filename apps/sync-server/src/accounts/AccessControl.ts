import type { DocumentMetadata, DocumentStore } from '../store/DocumentStore.js';
import type { AccountStore, Role } from './AccountStore.js';

/** What a caller wants to do with a document or a workspace. */
export type Action = 'read' | 'write' | 'comment' | 'assess' | 'manage';

/**
 * The one table of who may do what. A tutor reads, comments and assesses but never edits the
 * text; a viewer only reads; only owners manage members and invitations.
 */
const ALLOWED: Record<Action, readonly Role[]> = {
  read: ['owner', 'editor', 'tutor', 'viewer'],
  write: ['owner', 'editor'],
  comment: ['owner', 'editor', 'tutor'],
  assess: ['tutor'],
  manage: ['owner'],
};

export function roleAllows(role: Role | undefined, action: Action): boolean {
  return role !== undefined && ALLOWED[action].includes(role);
}

export type DocumentAccess =
  | { ok: true; document: DocumentMetadata; role: Role }
  | { ok: false; reason: 'not_found' | 'forbidden' };

export class AccessControl {
  constructor(
    private readonly accounts: AccountStore,
    private readonly documents: DocumentStore,
  ) {}

  async roleIn(workspaceId: string | null, userId: string): Promise<Role | undefined> {
    if (workspaceId === null) return undefined;
    return this.accounts.getRole(workspaceId, userId);
  }

  /**
   * To a non-member, another workspace's document looks missing (its existence is not revealed);
   * a member whose role does not allow the action is told so.
   */
  async document(userId: string, documentId: string, action: Action): Promise<DocumentAccess> {
    const document = await this.documents.getDocument(documentId);
    if (!document) return { ok: false, reason: 'not_found' };
    const role = await this.roleIn(document.workspaceId, userId);
    if (role === undefined) return { ok: false, reason: 'not_found' };
    if (!roleAllows(role, action)) return { ok: false, reason: 'forbidden' };
    return { ok: true, document, role };
  }
}
