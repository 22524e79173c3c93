import type { IncomingMessage } from 'node:http';
import type { ParsedRoom } from '@canevas/core';
import { isAllowedOrigin } from '../auth/originPolicy.js';
import type { SyncTicketStore } from '../auth/SyncTicketStore.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import { roleAllows, type AccessControl } from './AccessControl.js';
import type { AccountStore, User } from './AccountStore.js';
import type { AuditRetryQueue } from './AuditRetryQueue.js';
import type { AuthService } from './AuthService.js';
import { presenceColorOf } from './presenceColorOf.js';

/** What a sync upgrade may do: upgrade and sync (`found`), upgrade then 4404, or an HTTP refusal. */
export type UpgradeDecision =
  | { ok: true; found: true; userId: string; userName: string; canWrite: boolean; /** Content rooms only, where presence is. */ userColor?: string }
  | { ok: true; found: false }
  | { ok: false; status: number; text: string };

/** The access an open connection has now: undefined once its account lost the document. */
export type CurrentAccess = (room: ParsedRoom, userId: string) => Promise<{ canWrite: boolean } | undefined>;

export interface SyncAuthorizer {
  /** Decides an upgrade to `roomName` before anything of the document is sent. */
  upgrade(req: IncomingMessage, url: URL, roomName: string, room: ParsedRoom): Promise<UpgradeDecision>;
  /** A checker for one pass over open connections (it reads each document's workspace once). */
  currentAccess(): CurrentAccess;
}

/**
 * Who may open a sync socket, and whether they still may. Beside exportAuthorizer and the API's
 * procedures, so that one role table (AccessControl) rules every entry point.
 */
export function syncAuthorizer(options: {
  auth: AuthService;
  access: AccessControl;
  accounts: AccountStore;
  store: DocumentStore;
  tickets: SyncTicketStore;
  openingsAudit: AuditRetryQueue;
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
}): SyncAuthorizer {
  const { auth, access, accounts, store, tickets, openingsAudit } = options;
  return {
    /**
     * A single-use ticket (scripts), else a valid API token (`Authorization: Bearer`), else the
     * session cookie, which must come from an allowed Origin: any other Authorization header
     * (Basic from a proxy) leaves the request authenticated by its cookie, so it is checked too.
     */
    async upgrade(req, url, roomName, room) {
      let user: User | undefined;
      const ticket = url.searchParams.get('ticket');
      if (ticket !== null) {
        const redeemed = await tickets.redeem(ticket, roomName);
        user = redeemed && (await accounts.getUser(redeemed.userId));
      } else {
        const caller = await auth.authenticate(req);
        if (caller && caller.via !== 'token' && !isAllowedOrigin(req, { publicUrl: options.publicUrl, extraOrigins: options.allowedOrigins })) {
          return { ok: false, status: 403, text: 'Forbidden' };
        }
        user = caller?.user;
      }
      if (!user) return { ok: false, status: 401, text: 'Unauthorized' };
      const userId = user.id;
      const document = await store.getDocument(room.docId);
      // Another workspace's document gets the very answer of a missing one, by the same path (a
      // role is looked up either way): an upgrade, then 4404, after which the stock client stops
      // retrying. Its existence is not revealed.
      const role = await access.roleIn(document?.workspaceId ?? '', userId);
      if (!document || role === undefined) return { ok: true, found: false };
      if (room.layer === 'content') {
        // Never blocks the upgrade: while SQLite refuses writes the entry waits in memory, and a
        // browser whose socket dropped can still reconnect.
        await openingsAudit.record({ at: Date.now(), userId, action: 'document.open', workspaceId: document.workspaceId, documentId: room.docId, detail: { role } });
      }
      // Review docs are server-owned: every member reads them, none writes them.
      const canWrite = room.layer === 'content' && roleAllows(role, 'write');
      if (room.layer !== 'content') return { ok: true, found: true, userId, userName: user.name, canWrite };
      return { ok: true, found: true, userId, userName: user.name, canWrite, userColor: await presenceColorOf(accounts, document.workspaceId, userId) };
    },

    currentAccess() {
      const workspaces = new Map<string, string | null | undefined>();
      return async (room, userId) => {
        if (!workspaces.has(room.docId)) workspaces.set(room.docId, (await store.getDocument(room.docId))?.workspaceId);
        const workspaceId = workspaces.get(room.docId);
        const role = workspaceId ? await accounts.getRole(workspaceId, userId) : undefined;
        if (role === undefined) return undefined;
        return { canWrite: room.layer === 'content' && roleAllows(role, 'write') };
      };
    },
  };
}
