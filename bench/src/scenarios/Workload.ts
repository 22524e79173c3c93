import { generateEditingTrace, type EditingTrace } from '../workload/editingTrace.js';
import { keystrokeStream, type KeystrokeStream } from '../workload/keystrokeStream.js';

/** Typists' client ids start here; probes and other full clients use ids below. */
const FIRST_TYPIST_ID = 100_000;

/**
 * The generated workload, built once per run and shared by every scenario and server so that
 * all three servers receive exactly the same bytes.
 */
export class Workload {
  private dossier: EditingTrace | undefined;
  private medium: EditingTrace | undefined;
  private small: EditingTrace | undefined;
  private readonly streams: KeystrokeStream[] = [];
  private streamLength = 0;

  /** The 30-page dossier, typed keystroke by keystroke by three authors. */
  dossierTrace(): EditingTrace {
    this.dossier ??= generateEditingTrace({ pages: 30, seed: 30 });
    return this.dossier;
  }

  /** A 5-page document: the content each load-test document starts with. */
  mediumDocument(): EditingTrace {
    this.medium ??= generateEditingTrace({ pages: 5, seed: 5 });
    return this.medium;
  }

  /** A 1-page document: the content of each of the 1,000 documents of the memory test. */
  smallDocument(): EditingTrace {
    this.small ??= generateEditingTrace({ pages: 1, seed: 1 });
    return this.small;
  }

  /** `count` typists with at least `keystrokes` keystrokes each. */
  typists(count: number, keystrokes: number): KeystrokeStream[] {
    if (keystrokes > this.streamLength) {
      this.streams.length = 0;
      this.streamLength = keystrokes;
    }
    while (this.streams.length < count) this.streams.push(keystrokeStream(FIRST_TYPIST_ID + this.streams.length, this.streamLength));
    return this.streams.slice(0, count);
  }
}
