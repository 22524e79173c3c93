import type { OriginUpdate } from './FanOut.js';
import { PreparedFrame } from './PreparedFrame.js';
import { encodeSyncUpdate } from './syncMessages.js';

/**
 * The frames of one committed batch: each update is encoded once, on first use, and the same
 * bytes go to every recipient. A connection receives every update of the batch except its own,
 * in commit order, as separate frames (no `Y.mergeUpdates`: merging per recipient cost k + 1
 * merges for k writers in a turn, more than the extra frame headers).
 */
export class BatchFrames {
  private readonly frames: (PreparedFrame | undefined)[];

  constructor(private readonly updates: readonly OriginUpdate[]) {
    this.frames = new Array<PreparedFrame | undefined>(updates.length);
  }

  /** The frames for the connection `connectionId`, in commit order; empty when it sent them all. */
  for(connectionId: string): PreparedFrame[] {
    const frames: PreparedFrame[] = [];
    for (let index = 0; index < this.updates.length; index++) {
      const entry = this.updates[index]!;
      if (entry.origin === connectionId) continue;
      let frame = this.frames[index];
      if (!frame) {
        frame = new PreparedFrame(encodeSyncUpdate(entry.update));
        this.frames[index] = frame;
      }
      frames.push(frame);
    }
    return frames;
  }
}
