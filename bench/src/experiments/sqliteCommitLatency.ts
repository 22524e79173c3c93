// Commit latency of Canevas' append path (schema and statements of SqliteDocumentStore), one
// update per transaction as under typing load, with SQLite's automatic WAL checkpoint and
// without it. Run: taskset -c 0 npx tsx bench/src/experiments/sqliteCommitLatency.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { summarize } from '../measure/summarize.js';

const COMMITS = 6_000;

for (const autoCheckpoint of [1000, 0]) {
  const dir = mkdtempSync(join(tmpdir(), 'canevas-sqlite-'));
  const db = new Database(join(dir, 'canevas.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  db.exec(`
    CREATE TABLE documents (id TEXT PRIMARY KEY, updated_at INTEGER NOT NULL);
    CREATE TABLE document_updates (
      row_id INTEGER PRIMARY KEY AUTOINCREMENT,
      doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      data BLOB NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX document_updates_by_doc ON document_updates(doc_id, row_id);
  `);
  const docs = Array.from({ length: 20 }, (_, i) => `document-${String(i).padStart(13, '0')}`);
  for (const id of docs) db.prepare('INSERT INTO documents VALUES (?, 0)').run(id);
  const insert = db.prepare('INSERT INTO document_updates (doc_id, data, created_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)');
  const touch = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const commit = db.transaction((id: string, update: Buffer) => {
    insert.run(id, update, Date.now(), id);
    touch.run(Date.now(), id);
  });
  const update = Buffer.alloc(20, 7);
  const times: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const start = performance.now();
    commit(docs[i % docs.length]!, update);
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const stats = summarize(times);
  console.log(
    `wal_autocheckpoint = ${autoCheckpoint}: p50 ${stats.p50.toFixed(3)} ms, p99 ${stats.p99.toFixed(3)} ms, ` +
      `p99.9 ${sorted[Math.floor(0.999 * sorted.length)]!.toFixed(2)} ms, max ${stats.max.toFixed(2)} ms, ` +
      `${times.filter((t) => t > 2).length} of ${COMMITS} commits above 2 ms`,
  );
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
