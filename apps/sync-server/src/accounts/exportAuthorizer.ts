import { isAllowedOrigin } from '../auth/originPolicy.js';
import { ExportError } from '../export/ExportError.js';
import type { ExportAuthorizer } from '../export/exportAccess.js';
import type { AccessControl } from './AccessControl.js';
import type { AccountStore } from './AccountStore.js';
import type { AuthService } from './AuthService.js';

/**
 * Exports read documents: the caller needs read access to every one of them. A whole workspace
 * takes membership, the whole instance takes the administrator. A cookie-borne POST (export
 * jobs) must come from an allowed Origin, as for the API.
 */
export function exportAuthorizer(options: {
  auth: AuthService;
  access: AccessControl;
  accounts: AccountStore;
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
}): ExportAuthorizer {
  return async (req, target) => {
    const caller = await options.auth.authenticate(req);
    if (!caller) throw new ExportError('UNAUTHORIZED', 'Connectez-vous pour exporter.');
    if (caller.via === 'session' && req.method === 'POST' && !isAllowedOrigin(req, { publicUrl: options.publicUrl, extraOrigins: options.allowedOrigins })) {
      throw new ExportError('FORBIDDEN', 'Origine de la requête refusée.');
    }
    const userId = caller.user.id;
    const ids =
      target.kind === 'document' ? [target.documentId] : target.selection.kind === 'documents' ? [...target.selection.ids] : [];
    for (const id of ids) {
      const access = await options.access.document(userId, id, 'read');
      if (!access.ok) throw new ExportError('NOT_FOUND', `Document introuvable : « ${id} ».`);
    }
    if (target.kind === 'dossier' && target.selection.kind === 'workspace') {
      if (!(await options.accounts.getRole(target.selection.workspaceId, userId))) throw new ExportError('NOT_FOUND', 'Espace de travail introuvable.');
    }
    if (target.kind === 'dossier' && target.selection.kind === 'all' && !caller.user.isAdmin) {
      throw new ExportError('FORBIDDEN', 'Exporter toute l’instance est réservé à l’administrateur ; choisissez un espace de travail.');
    }
  };
}
