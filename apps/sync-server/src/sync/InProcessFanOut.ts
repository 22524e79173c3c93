import type { FanOut, FanOutListener, OriginUpdate, RoomPeer } from './FanOut.js';

/** One instance: its rooms are the only ones, so nothing crosses and nothing is missed. */
export class InProcessFanOut implements FanOut {
  readonly shared = false;
  private readonly listeners = new Map<string, Set<FanOutListener>>();

  publish(room: string, updates: readonly OriginUpdate[]): void {
    for (const listener of this.listeners.get(room) ?? []) listener(updates);
  }

  subscribe(room: string, listener: FanOutListener): () => void {
    let set = this.listeners.get(room);
    if (!set) {
      set = new Set();
      this.listeners.set(room, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(room);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(room);
    };
  }

  join(_room: string, _peer: RoomPeer): () => void {
    return () => undefined;
  }

  publishAwareness(_room: string, _update: Uint8Array): void {}

  publishDeleted(_room: string): void {}

  publishAccessChanged(): void {}

  onAccessChanged(_listener: () => void): () => void {
    return () => undefined;
  }

  /** For the memory test: the number of documents with listeners. */
  get subscribedDocumentCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
