import { describe, expect, it } from 'vitest';
import type { ExportedFile } from './exportDocument.js';
import { ExportError } from './ExportError.js';
import { ExportJobs } from './ExportJobs.js';

const file = (name: string): ExportedFile => ({ bytes: new Uint8Array([1, 2, 3]), fileName: name, mimeType: 'application/pdf' });

function deferred() {
  let resolve!: (value: ExportedFile) => void;
  const promise = new Promise<ExportedFile>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ExportJobs', () => {
  it('reports progress, then the finished file', async () => {
    const jobs = new ExportJobs();
    const work = deferred();
    let report!: (progress: { completed: number; total: number; message: string }) => void;
    const id = jobs.start((onProgress) => {
      report = onProgress;
      return work.promise;
    });
    report({ completed: 1, total: 3, message: 'Lecture de « Budget » (1 sur 2)' });
    expect(jobs.status(id)).toEqual({ state: 'running', completed: 1, total: 3, message: 'Lecture de « Budget » (1 sur 2)' });
    expect(jobs.file(id)).toBeUndefined();
    report({ completed: 3, total: 3, message: 'Terminé' });
    work.resolve(file('dossier.pdf'));
    await work.promise;
    await Promise.resolve();
    expect(jobs.status(id)).toMatchObject({ state: 'done', fileName: 'dossier.pdf', size: 3, completed: 3 });
    expect(jobs.file(id)?.fileName).toBe('dossier.pdf');
    jobs.close();
  });

  it('refuses more running exports than allowed, in French, and shows failures', async () => {
    const jobs = new ExportJobs({ maxRunning: 1 });
    const first = deferred();
    jobs.start(() => first.promise);
    expect(() => jobs.start(() => first.promise)).toThrow(new ExportError('TOO_MANY', 'Trop d’exports sont en cours sur le serveur. Réessayez dans un instant.'));
    const failing = new ExportJobs();
    const id = failing.start(() => Promise.reject(new ExportError('NOT_FOUND', 'Aucun document à exporter.')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(failing.status(id)).toEqual({ state: 'failed', message: 'Aucun document à exporter.' });
    jobs.close();
    failing.close();
  });

  it('keeps a bounded number of finished files, forgetting the oldest', async () => {
    const jobs = new ExportJobs({ maxKept: 2 });
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      ids.push(jobs.start(() => Promise.resolve(file(name))));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(ids.map((id) => jobs.file(id)?.fileName)).toEqual([undefined, 'b', 'c']);
    jobs.close();
  });
});
