import type { CommandEntry } from './Command.js';

/**
 * Every `pnpm canevas` subcommand; later features register theirs here. Each module loads when
 * its command runs (or shows its --help): `help` loads none, and `user list` no server.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'serve', summary: 'démarre le serveur (API, synchronisation et application web) sur un seul port', load: async () => (await import('./serveCommand.js')).serveCommand },
  { name: 'doc', summary: 'documents : list, export (Word, PDF, Markdown, dossier)', load: async () => (await import('./docCommand.js')).docCommand },
  { name: 'user', summary: 'comptes : create, list, export, delete', load: async () => (await import('./userCommand.js')).userCommand },
  { name: 'token', summary: 'jetons d’API : create, list, revoke', load: async () => (await import('./tokenCommand.js')).tokenCommand },
  { name: 'workspace', summary: 'espaces de travail : create, list', load: async () => (await import('./workspaceCommand.js')).workspaceCommand },
  { name: 'member', summary: 'membres d’un espace de travail : add', load: async () => (await import('./memberCommand.js')).memberCommand },
  { name: 'referential', summary: 'référentiels : list, export, validate, new', load: async () => (await import('./referentialCommand.js')).referentialCommand },
  { name: 'backup', summary: 'sauvegarde la base, même serveur en marche', load: async () => (await import('./backupCommand.js')).backupCommand },
  { name: 'restore', summary: 'restaure une sauvegarde (serveur arrêté)', load: async () => (await import('./restoreCommand.js')).restoreCommand },
  { name: 'migrate', summary: 'copie une instance SQLite dans PostgreSQL, et vérifie la copie', load: async () => (await import('./migrateCommand.js')).migrateCommand },
];
