import { parseRoomName } from '@canevas/core';
import type { Logger } from '../logger.js';
import type { DocumentStore, QuarantineRecord } from '../store/DocumentStore.js';

/** The close reason that goes with {@link CloseCode.DocumentQuarantined}. */
export const QUARANTINE_CLOSE_REASON = 'Document en quarantaine : données stockées illisibles';

/** Raised for a document whose stored rows could not be applied: it is neither loaded nor written. */
export class DocumentQuarantinedError extends Error {
  override readonly name = 'DocumentQuarantinedError';

  constructor(readonly docId: string) {
    super(`The document ${docId} is quarantined: its stored data could not be read.`);
  }
}

/**
 * The documents this process refuses because their stored data cannot be read. Stored rows that
 * cannot be applied must not be served half-read, nor folded into a snapshot that would hide
 * them: the document is refused (both layers) without reading the store again until the process
 * restarts, and the store records it for the next ones.
 */
export class Quarantine {
  /** By document id. */
  private readonly records = new Map<string, QuarantineRecord>();

  constructor(
    private readonly store: Pick<DocumentStore, 'quarantine' | 'releaseQuarantine'>,
    private readonly logger: Logger,
  ) {}

  of(docId: string): QuarantineRecord | undefined {
    return this.records.get(docId);
  }

  has(roomName: string): boolean {
    return this.records.has(docIdOf(roomName));
  }

  /** Throws DocumentQuarantinedError for a room of a quarantined document. */
  refuse(roomName: string): void {
    const docId = docIdOf(roomName);
    if (this.records.has(docId)) throw new DocumentQuarantinedError(docId);
  }

  /** Refused at once in this process; then recorded in the store (a failure there is only logged). */
  enter(roomName: string, error: unknown): QuarantineRecord {
    const docId = docIdOf(roomName);
    const record: QuarantineRecord = {
      docId,
      room: roomName,
      reason: error instanceof Error ? error.message : String(error),
      quarantinedAt: Date.now(),
    };
    this.records.set(docId, record);
    this.logger.error('store.document_quarantined', { docId, room: roomName, reason: record.reason });
    return record;
  }

  async record(record: QuarantineRecord): Promise<void> {
    try {
      await this.store.quarantine(record);
    } catch (recordError) {
      // Refused anyway in this process; the next one finds the rows unreadable again.
      this.logger.warn('store.quarantine_not_recorded', { docId: record.docId, error: recordError });
    }
  }

  /** The rows load again (restored by an administrator): the recorded quarantine no longer holds. */
  async release(roomName: string): Promise<void> {
    const docId = docIdOf(roomName);
    try {
      await this.store.releaseQuarantine(docId);
      this.logger.info('store.quarantine_released', { docId });
    } catch (error) {
      this.logger.warn('store.quarantine_not_released', { docId, error });
    }
  }

  /** A deleted document is no longer refused (its id is never reused, but its rows are gone). */
  forget(docId: string): void {
    this.records.delete(docId);
  }
}

export function docIdOf(roomName: string): string {
  return parseRoomName(roomName)?.docId ?? roomName;
}
