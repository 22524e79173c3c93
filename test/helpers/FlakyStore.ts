import type { DocumentStore, PendingUpdate } from '@canevas/sync-server';

/** Wraps a real store; while `failing`, appends throw like a full or locked SQLite file. */
export class FlakyStore implements DocumentStore {
  failing = false;
  failedAppends = 0;

  constructor(private readonly inner: DocumentStore) {}

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<void> {
    if (this.failing) {
      this.failedAppends++;
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    }
    return this.inner.appendUpdates(batch);
  }

  loadDocument = (id: string) => this.inner.loadDocument(id);
  foldLog = (room: string, snapshot: Uint8Array, upToRowId: number) => this.inner.foldLog(room, snapshot, upToRowId);
  createDocument: DocumentStore['createDocument'] = (document, limits) => this.inner.createDocument(document, limits);
  getDocument = (id: string) => this.inner.getDocument(id);
  listDocuments = () => this.inner.listDocuments();
  renameDocument = (id: string, title: string, now: number) => this.inner.renameDocument(id, title, now);
  deleteDocument = (id: string) => this.inner.deleteDocument(id);
  trashDocument: DocumentStore['trashDocument'] = (id, at, by) => this.inner.trashDocument(id, at, by);
  restoreTrashedDocument = (id: string) => this.inner.restoreTrashedDocument(id);
  listTrashed = () => this.inner.listTrashed();
  quarantine: DocumentStore['quarantine'] = (record) => this.inner.quarantine(record);
  releaseQuarantine = (docId: string) => this.inner.releaseQuarantine(docId);
  listQuarantined = () => this.inner.listQuarantined();
  placeUnassignedDocuments: DocumentStore['placeUnassignedDocuments'] = (workspace) => this.inner.placeUnassignedDocuments(workspace);
  countDocuments = () => this.inner.countDocuments();
  close = () => this.inner.close();
}
