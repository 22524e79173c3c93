import type { IncomingMessage } from 'node:http';
import type { DossierSelection } from './exportDossier.js';

/** What an HTTP export asks to read. */
export type ExportTarget = { kind: 'document'; documentId: string } | { kind: 'dossier'; selection: DossierSelection };

/**
 * Decides whether the caller may export the target; throws an `ExportError` with code
 * `FORBIDDEN` (« Vous n’avez pas accès à … ») when not. Runs before any document is read.
 */
export type ExportAuthorizer = (req: IncomingMessage, target: ExportTarget) => Promise<void>;

/**
 * THE ROLE CHECK GOES HERE (issue 4, accounts and workspaces): resolve the caller from the
 * session cookie or the Bearer token, then require a role on the document's workspace that may
 * read it (owner, editor, tutor or viewer), and for a dossier on the workspace, or, for `all`,
 * an administrator. Until accounts exist every caller may export, as every caller may read.
 */
export const authorizeExport: ExportAuthorizer = async () => {};
