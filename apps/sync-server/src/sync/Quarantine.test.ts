import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger.js';
import type { QuarantineRecord } from '../store/DocumentStore.js';
import { DocumentQuarantinedError, Quarantine } from './Quarantine.js';

function recordingLogger() {
  const lines: { level: string; event: string }[] = [];
  const logger: Logger = {
    debug: (event) => lines.push({ level: 'debug', event }),
    info: (event) => lines.push({ level: 'info', event }),
    warn: (event) => lines.push({ level: 'warn', event }),
    error: (event) => lines.push({ level: 'error', event }),
  };
  return { logger, lines };
}

/** A store double: what the quarantine asks it to record, failing on demand. */
class RecordingStore {
  readonly recorded: QuarantineRecord[] = [];
  readonly released: string[] = [];
  failing = false;
  quarantine(record: QuarantineRecord): Promise<void> {
    if (this.failing) return Promise.reject(new Error('disk full'));
    this.recorded.push(record);
    return Promise.resolve();
  }
  releaseQuarantine(docId: string): Promise<void> {
    if (this.failing) return Promise.reject(new Error('disk full'));
    this.released.push(docId);
    return Promise.resolve();
  }
}

describe('Quarantine', () => {
  it('refuses both layers of a document once one of them is entered, by document id', async () => {
    const store = new RecordingStore();
    const { logger, lines } = recordingLogger();
    const quarantine = new Quarantine(store, logger);
    expect(() => quarantine.refuse('doc1/review')).not.toThrow();
    const record = quarantine.enter('doc1/review', new Error('unreadable row'));
    expect(record).toMatchObject({ docId: 'doc1', room: 'doc1/review', reason: 'unreadable row' });
    expect(() => quarantine.refuse('doc1')).toThrow(DocumentQuarantinedError);
    expect(quarantine.has('doc1/review')).toBe(true);
    expect(quarantine.of('doc1')).toBe(record);
    expect(lines).toContainEqual({ level: 'error', event: 'store.document_quarantined' });
    await quarantine.record(record);
    expect(store.recorded).toEqual([record]);
  });

  it('still refuses in this process when the store cannot record it, and says so', async () => {
    const store = new RecordingStore();
    store.failing = true;
    const { logger, lines } = recordingLogger();
    const quarantine = new Quarantine(store, logger);
    await quarantine.record(quarantine.enter('doc2', 'garbage'));
    expect(quarantine.has('doc2')).toBe(true);
    expect(lines).toContainEqual({ level: 'warn', event: 'store.quarantine_not_recorded' });
    await quarantine.release('doc2');
    expect(lines).toContainEqual({ level: 'warn', event: 'store.quarantine_not_released' });
  });

  it('releases the stored record of rows that load again, and forgets a deleted document', async () => {
    const store = new RecordingStore();
    const quarantine = new Quarantine(store, recordingLogger().logger);
    await quarantine.release('doc3/review');
    expect(store.released).toEqual(['doc3']);
    quarantine.enter('doc4', 'x');
    quarantine.forget('doc4');
    expect(quarantine.has('doc4')).toBe(false);
  });
});
