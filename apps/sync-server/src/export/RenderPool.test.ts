import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportBook } from './ExportBook.js';
import { ExportError } from './ExportError.js';
import { RenderPool } from './RenderPool.js';

const dir = mkdtempSync(join(tmpdir(), 'canevas-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A worker that misbehaves on demand, as a runaway layout would: it loops forever, allocates
 * until its heap is exhausted, or exits; any other book is « rendered » as its title.
 */
const script = join(dir, 'misbehavingWorker.mjs');
writeFileSync(
  script,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, book }) => {
  if (book.title === 'sans fin') for (;;) {}
  if (book.title === 'mémoire') { const hog = []; for (;;) hog.push(new Array(100000).fill(hog.length)); }
  if (book.title === 'arrêt') process.exit(3);
  parentPort.postMessage({ kind: 'done', id, bytes: new TextEncoder().encode(book.title) });
});
parentPort.postMessage({ kind: 'ready' });
`,
);

const book = (title: string): ExportBook => ({ title, blocks: [], lang: 'fr-FR' });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('RenderPool', () => {
  it('kills a render past its deadline, names the cause, and replaces the worker for the renders queued behind it', async () => {
    const pool = new RenderPool({ size: 1, timeoutMs: 300, workerScript: pathToFileURL(script) });
    try {
      const stuck = pool.render(book('sans fin'), 'pdf');
      const queued = [pool.render(book('un'), 'pdf'), pool.render(book('deux'), 'pdf')];
      await expect(stuck).rejects.toEqual(
        new ExportError('LIMIT', 'L’export a dépassé le temps autorisé (0,3 s) et a été interrompu. Le document est sans doute trop volumineux : scindez-le, ou demandez à l’administrateur de relever la limite.'),
      );
      expect((await Promise.all(queued)).map(text)).toEqual(['un', 'deux']);
      expect(pool.workerCount()).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('survives a worker that exhausts its heap limit, naming the cause, and renders the next book', async () => {
    const pool = new RenderPool({ size: 1, memoryMb: 64, timeoutMs: 120_000, workerScript: pathToFileURL(script) });
    try {
      const error = await pool.render(book('mémoire'), 'pdf').catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(ExportError);
      expect((error as ExportError).message).toMatch(/^L’export a dépassé la mémoire autorisée \(64 Mio\) et a été interrompu\./);
      expect(text(await pool.render(book('après'), 'pdf'))).toBe('après');
    } finally {
      await pool.close();
    }
  });

  it('fails only the render of a worker that stops, and runs renders side by side up to its size', async () => {
    const pool = new RenderPool({ size: 2, timeoutMs: 120_000, workerScript: pathToFileURL(script) });
    try {
      await expect(pool.render(book('arrêt'), 'pdf')).rejects.toThrow('The export worker stopped (code 3).');
      const results = await Promise.all(['a', 'b', 'c'].map((title) => pool.render(book(title), 'pdf')));
      expect(results.map(text)).toEqual(['a', 'b', 'c']);
      expect(pool.workerCount()).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('renders with the real worker', async () => {
    const pool = new RenderPool({ size: 1 });
    try {
      const markdown = text(await pool.render({ title: 'Plan', blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Bonjour', marks: {} }] }], lang: 'fr-FR' }, 'md'));
      expect(markdown).toBe('# Plan\n\nBonjour\n');
    } finally {
      await pool.close();
    }
  }, 30_000);
});
