import { describe, expect, it } from 'vitest';
import type { ExportTarget } from './exportAccess.js';
import type { ExportedFile } from './exportDocument.js';
import { ExportError } from './ExportError.js';
import { ExportJobs } from './ExportJobs.js';

const file = (name: string): ExportedFile => ({ bytes: new Uint8Array([1, 2, 3]), fileName: name, mimeType: 'application/pdf' });
const target: ExportTarget = { kind: 'dossier', selection: { kind: 'documents', ids: ['budget'] } };

function deferred() {
  let resolve!: (value: ExportedFile) => void;
  const promise = new Promise<ExportedFile>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ExportJobs', () => {
  it('reports progress, then the finished file, and keeps what the job reads for the access check', async () => {
    const jobs = new ExportJobs();
    const work = deferred();
    let report!: (progress: { completed: number; total: number; message: string }) => void;
    const id = jobs.start(target, (onProgress) => {
      report = onProgress;
      return work.promise;
    });
    expect(jobs.get(id)?.target).toEqual(target);
    report({ completed: 1, total: 3, message: 'Lecture de « Budget » (1 sur 2)' });
    expect(jobs.get(id)?.status).toEqual({ state: 'running', completed: 1, total: 3, message: 'Lecture de « Budget » (1 sur 2)' });
    expect(jobs.get(id)?.file).toBeUndefined();
    report({ completed: 3, total: 3, message: 'Terminé' });
    work.resolve(file('dossier.pdf'));
    await work.promise;
    await Promise.resolve();
    expect(jobs.get(id)?.status).toMatchObject({ state: 'done', fileName: 'dossier.pdf', size: 3, completed: 3 });
    expect(jobs.get(id)?.file?.fileName).toBe('dossier.pdf');
    jobs.close();
  });

  it('shows failures in French', async () => {
    const failing = new ExportJobs();
    const id = failing.start(target, () => Promise.reject(new ExportError('NOT_FOUND', 'Aucun document à exporter.')));
    const crashed = failing.start(target, () => Promise.reject(new Error('boom')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(failing.get(id)?.status).toEqual({ state: 'failed', message: 'Aucun document à exporter.' });
    expect(failing.get(crashed)?.status).toEqual({ state: 'failed', message: 'L’export a échoué. Réessayez ; si cela persiste, prévenez l’administrateur.' });
    failing.close();
  });

  it('keeps a bounded number of finished files, forgetting the oldest', async () => {
    const jobs = new ExportJobs({ maxKept: 2 });
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      ids.push(jobs.start(target, () => Promise.resolve(file(name))));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(ids.map((id) => jobs.get(id)?.file?.fileName)).toEqual([undefined, 'b', 'c']);
    jobs.close();
  });
});
