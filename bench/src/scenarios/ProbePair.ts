import * as Y from 'yjs';
import { DocClient } from '../clients/DocClient.js';
import type { ServerApi } from '../clients/ServerApi.js';
import { BODY_FIELD } from '../workload/editingTrace.js';

export const PROBE_WRITER_ID = 7_001;
export const PROBE_READER_ID = 7_002;

/**
 * The writer and reader of propagation probes, the only full Y.Docs of a load test. The writer
 * types one character into its own paragraph; the latency runs from just before its
 * transaction (which sends the frame synchronously) to the reader's doc holding that character.
 */
export class ProbePair {
  readonly latencies: number[] = [];
  recording = false;
  private readonly pending = new Map<number, number>();
  private readonly text: Y.XmlText;

  private constructor(
    readonly writer: DocClient,
    readonly reader: DocClient,
  ) {
    this.text = new Y.XmlText();
    reader.doc.on('update', () => {
      if (this.pending.size === 0) return;
      const now = performance.now();
      const state = Y.getState(reader.doc.store, PROBE_WRITER_ID);
      for (const [clock, sentAt] of this.pending) {
        if (clock >= state) continue;
        if (this.recording) this.latencies.push(now - sentAt);
        this.pending.delete(clock);
      }
    });
  }

  static async open(api: ServerApi, docName: string): Promise<ProbePair> {
    const writer = new DocClient(api, docName, { clientId: PROBE_WRITER_ID });
    const reader = new DocClient(api, docName, { clientId: PROBE_READER_ID });
    await Promise.all([writer.connect(), reader.connect()]);
    const pair = new ProbePair(writer, reader);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [pair.text]);
    writer.doc.getXmlFragment(BODY_FIELD).insert(0, [paragraph]);
    const target = Y.getState(writer.doc.store, PROBE_WRITER_ID);
    await reader.until(() => Y.getState(reader.doc.store, PROBE_WRITER_ID) >= target);
    return pair;
  }

  /** Sends one probe keystroke. */
  probe(): void {
    const clock = Y.getState(this.writer.doc.store, PROBE_WRITER_ID);
    this.pending.set(clock, performance.now());
    this.text.insert(this.text.length, 'x', {});
  }

  /** Probes still in flight. */
  get inFlight(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    await Promise.all([this.writer.destroy(), this.reader.destroy()]);
  }
}
