/** Everything that differs between `pnpm bench` and `pnpm bench --quick`. */
export interface BenchParams {
  mode: 'full' | 'quick';
  idleProbes: number;
  probeHz: number;
  typingRate: number;
  warmupSeconds: number;
  loadSeconds: number;
  loads: { docs: number; clientsPerDoc: number }[];
  /** Extra cold loads of copies, after the first one, in the same restarted process. */
  coldLoadCopies: number;
  /**
   * Consecutive transactions of the 30-page trace merged into one update when replaying it (1 =
   * keystroke by keystroke). y-leveldb stores every update it receives (about 3 ms each here), so
   * full runs merge 10 and quick runs 50: fewer stored rows, which only flatters the peers.
   */
  coldLoadBatch: number;
  catchUpEdits: number[];
  catchUpRepeats: number;
  memoryDocuments: number;
  /** How long the memory test leaves the server idle before each RSS reading. */
  memorySettleSeconds: number;
  /** A server counts as done writing after this long without any write. */
  writeQuietMs: number;
  awarenessClients: number;
  awarenessHz: number;
  awarenessSeconds: number;
  editorKeystrokes: number;
  editorRemoteTypists: number;
  completenessRuns: number;
}

export const FULL: BenchParams = {
  mode: 'full',
  idleProbes: 500,
  probeHz: 20,
  typingRate: 5,
  warmupSeconds: 5,
  loadSeconds: 60,
  loads: [
    { docs: 20, clientsPerDoc: 10 },
    { docs: 50, clientsPerDoc: 10 },
  ],
  coldLoadCopies: 4,
  coldLoadBatch: 10,
  catchUpEdits: [1_000, 10_000],
  catchUpRepeats: 3,
  memoryDocuments: 1_000,
  memorySettleSeconds: 10,
  writeQuietMs: 2_000,
  awarenessClients: 50,
  awarenessHz: 5,
  awarenessSeconds: 20,
  editorKeystrokes: 300,
  editorRemoteTypists: 5,
  completenessRuns: 2_000,
};

export const QUICK: BenchParams = {
  ...FULL,
  mode: 'quick',
  idleProbes: 50,
  warmupSeconds: 1,
  loadSeconds: 4,
  coldLoadCopies: 1,
  coldLoadBatch: 50,
  catchUpEdits: [1_000],
  catchUpRepeats: 2,
  memoryDocuments: 300,
  memorySettleSeconds: 1,
  writeQuietMs: 1_000,
  awarenessSeconds: 2,
  editorKeystrokes: 40,
};
