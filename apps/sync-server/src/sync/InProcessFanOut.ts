import type { FanOut, FanOutListener, OriginUpdate } from './FanOut.js';

export class InProcessFanOut implements FanOut {
  private readonly listeners = new Map<string, Set<FanOutListener>>();

  publish(docId: string, updates: readonly OriginUpdate[]): void {
    for (const listener of this.listeners.get(docId) ?? []) listener(updates);
  }

  subscribe(docId: string, listener: FanOutListener): () => void {
    let set = this.listeners.get(docId);
    if (!set) {
      set = new Set();
      this.listeners.set(docId, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(docId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(docId);
    };
  }

  /** For the memory test: the number of documents with listeners. */
  get subscribedDocumentCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
