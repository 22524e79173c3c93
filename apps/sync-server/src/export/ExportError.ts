/** An export that cannot be made, with the French message shown to the user. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    /** `LIMIT`: the layout went past the memory or time allowed to one export (see `RenderPool`). */
    readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'TOO_MANY' | 'CONFLICT' | 'LIMIT',
    message: string,
    /** For `TOO_MANY`: seconds after which a retry may succeed (`Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function documentNotFound(id: string): ExportError {
  return new ExportError('NOT_FOUND', `Document introuvable : « ${id} ».`);
}

/**
 * Documents whose stored data cannot be read: a dossier without them would look complete to the
 * jury, so the whole export stops and names them.
 */
export function documentsQuarantined(titles: readonly string[], dossier: boolean): ExportError {
  const names = titles.map((title) => `« ${title} »`).join(', ');
  const head = `${titles.length > 1 ? 'Documents en quarantaine' : 'Document en quarantaine'} : ${names}.`;
  const unreadable = titles.length > 1 ? 'Leurs données stockées sont illisibles' : 'Ses données stockées sont illisibles';
  const tail = dossier
    ? `${unreadable} : le dossier n’est pas exporté. Retirez ${titles.length > 1 ? 'ces documents' : 'ce document'} de la sélection, ou demandez à l’administrateur de restaurer ${titles.length > 1 ? 'leurs' : 'ses'} données depuis une sauvegarde.`
    : `${unreadable} : il ne peut pas être exporté avant que l’administrateur les restaure depuis une sauvegarde.`;
  return new ExportError('CONFLICT', `${head} ${tail}`);
}
