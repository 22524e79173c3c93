/** Limits of an instance on what its users create, checked by the stores in the creating transaction. */
/** Creating past a limit (`workspaces` per user, `documents` per workspace). */
export class QuotaExceededError extends Error {
  override readonly name = 'QuotaExceededError';
  constructor(
    readonly quota: 'workspaces' | 'documents',
    readonly limit: number,
  ) {
    super(
      quota === 'workspaces'
        ? `Vous possédez déjà ${limit} espaces de travail, la limite de cette instance : supprimez-en un, cédez-en la propriété ou demandez à l’administrateur de relever MAX_WORKSPACES_PER_USER.`
        : `Cet espace de travail contient déjà ${limit} documents, la limite de cette instance : supprimez-en un ou demandez à l’administrateur de relever MAX_DOCUMENTS_PER_WORKSPACE.`,
    );
  }
}

export const DEFAULT_MAX_DOCUMENTS_PER_WORKSPACE = 1000;
export const DEFAULT_MAX_WORKSPACES_PER_USER = 50;
