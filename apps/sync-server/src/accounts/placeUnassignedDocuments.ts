import type Database from 'better-sqlite3';
import type { SqliteAccountStore } from './SqliteAccountStore.js';
import { newId } from '../newId.js';

/**
 * Documents created before accounts existed (and the demo seed) belong to no workspace, so no
 * one could open them. They move into one new workspace without members, which the first
 * administrator adopts at sign-up. Returns the number of documents moved.
 */
export async function placeUnassignedDocuments(database: Database.Database, accounts: SqliteAccountStore, name: string): Promise<number> {
  const count = (database.prepare('SELECT COUNT(*) AS n FROM documents WHERE workspace_id IS NULL').get() as { n: number }).n;
  if (count === 0) return 0;
  const workspace = await accounts.createOrphanWorkspace({ id: newId(12), name, createdAt: Date.now() });
  database.prepare('UPDATE documents SET workspace_id = ? WHERE workspace_id IS NULL').run(workspace.id);
  return count;
}
