import type { ExportTarget } from './exportAccess.js';
import type { ExportedFile } from './exportDocument.js';
import type { DossierProgress } from './exportDossier.js';
import { ExportError } from './ExportError.js';
import { newId } from '../newId.js';

export type ExportJobStatus =
  | ({ state: 'running' } & DossierProgress)
  | ({ state: 'done'; fileName: string; size: number } & DossierProgress)
  | { state: 'failed'; message: string };

export interface ExportJob {
  status: ExportJobStatus;
  /** What the job reads: its status and its file need the same access, checked on every call. */
  target: ExportTarget;
  file?: ExportedFile;
}

interface StoredJob extends ExportJob {
  expiry?: NodeJS.Timeout;
}

export interface ExportJobsOptions {
  /** How long a finished file stays downloadable. Default 10 minutes. */
  keepMs?: number;
  /** Finished files kept in memory at most; the oldest go first. Default 20. */
  maxKept?: number;
}

/**
 * Long exports (a dossier) run as jobs so the browser can show their progress: the page
 * starts one, polls its status, then downloads the file. Files live in memory for a few
 * minutes. A job id is random, but it is no credential: the caller must still be allowed to
 * read what the job exports (see `exportHttpHandler`). How many run at once is the business of
 * `ExportSlots`, shared with every other export.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, StoredJob>();
  private readonly keepMs: number;
  private readonly maxKept: number;

  constructor(options: ExportJobsOptions = {}) {
    this.keepMs = options.keepMs ?? 10 * 60_000;
    this.maxKept = options.maxKept ?? 20;
  }

  /** Starts `work` on `target` and returns the job's id. */
  start(target: ExportTarget, work: (onProgress: (progress: DossierProgress) => void) => Promise<ExportedFile>): string {
    this.dropOldestFinished();
    const id = newId(16);
    const job: StoredJob = { target, status: { state: 'running', completed: 0, total: 1, message: 'Préparation' } };
    this.jobs.set(id, job);
    let last: DossierProgress = { completed: 0, total: 1, message: 'Préparation' };
    work((progress) => {
      last = progress;
      job.status = { state: 'running', ...progress };
    })
      .then(
        (file) => {
          job.file = file;
          job.status = { state: 'done', ...last, fileName: file.fileName, size: file.bytes.byteLength };
        },
        (error: unknown) => {
          job.status = { state: 'failed', message: error instanceof ExportError ? error.message : 'L’export a échoué. Réessayez ; si cela persiste, prévenez l’administrateur.' };
        },
      )
      .finally(() => {
        job.expiry = setTimeout(() => this.jobs.delete(id), this.keepMs);
        job.expiry.unref();
      });
    return id;
  }

  get(id: string): ExportJob | undefined {
    return this.jobs.get(id);
  }

  /** Files stay in memory: past the cap, the oldest finished jobs are forgotten. */
  private dropOldestFinished(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size < this.maxKept) return;
      if (job.status.state === 'running') continue;
      if (job.expiry) clearTimeout(job.expiry);
      this.jobs.delete(id);
    }
  }

  close(): void {
    for (const job of this.jobs.values()) if (job.expiry) clearTimeout(job.expiry);
    this.jobs.clear();
  }
}
