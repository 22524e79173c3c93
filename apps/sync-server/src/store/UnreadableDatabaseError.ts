import { dirname } from 'node:path';

/**
 * The database file cannot be read as SQLite (damaged header, damaged pages). Its message is for
 * the administrator, in French: which file, and the way out (restore a backup). Nothing is
 * written to the file: it stays as it is for whoever investigates.
 */
export class UnreadableDatabaseError extends Error {
  override readonly name = 'UnreadableDatabaseError';

  constructor(
    readonly file: string,
    cause: Error & { code?: string },
  ) {
    const what =
      cause.code === 'SQLITE_NOTADB'
        ? 'son en-tête est endommagé, ce n’est plus une base SQLite lisible'
        : 'son contenu est endommagé';
    super(
      [
        `La base de données ${file} est illisible : ${what} (SQLite : ${cause.message}).`,
        'Canevas ne l’ouvre pas, pour ne rien écraser ; le fichier est laissé tel quel.',
        `Restaurez la dernière sauvegarde, serveur arrêté : pnpm canevas restore <sauvegarde> --data ${dirname(file)}`,
        '(la base endommagée est mise de côté, rien n’est effacé). Voir docs/security.md.',
      ].join('\n'),
      { cause },
    );
  }

  /** SQLite's codes for a file that is not, or no longer, a readable database. */
  static isUnreadable(error: unknown): error is Error & { code: string } {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && UNREADABLE_CODES.has(code);
  }
}

const UNREADABLE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);
