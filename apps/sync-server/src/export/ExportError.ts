/** An export that cannot be made, with the French message shown to the user. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'TOO_MANY',
    message: string,
  ) {
    super(message);
  }
}

export function documentNotFound(id: string): ExportError {
  return new ExportError('NOT_FOUND', `Document introuvable : « ${id} ».`);
}
