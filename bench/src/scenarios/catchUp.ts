import * as Y from 'yjs';
import { DocClient } from '../clients/DocClient.js';
import { median, sleep } from '../measure/summarize.js';
import { BODY_FIELD } from '../workload/editingTrace.js';
import { seedThrough } from './propagation.js';
import { ProbePair } from './ProbePair.js';
import type { ScenarioContext } from './ScenarioContext.js';

const OFFLINE_ID = 7_201;

export interface CatchUpResult {
  edits: number;
  /** The reconnecting client made the edits offline: reconnection to the online peer holding them all. */
  pushMs: number;
  /** The others made the edits while it was offline: reconnection to the reconnecting client holding them. */
  pullMs: number;
  pushSamples: number[];
  pullSamples: number[];
}

/**
 * A participant goes offline on a 5-page document, N keystrokes are typed (by itself, then by
 * the others), and it reconnects: how long until both sides hold everything.
 */
export async function runCatchUp(ctx: ScenarioContext, edits: number): Promise<CatchUpResult> {
  const { api, params, workload } = ctx;
  const [docName] = await api.createDocuments(1, 'Rattrapage');
  const online = await ProbePair.open(api, docName!);
  await seedThrough(online, workload.mediumDocument().finalUpdate);
  const offline = new DocClient(api, docName!, { clientId: OFFLINE_ID });
  await offline.connect();
  const own = typingParagraph(offline.doc);
  const others = typingParagraph(online.writer.doc);
  await online.reader.until(() => online.reader.covers(stateVector(offline.doc)));
  await offline.until(() => offline.covers(stateVector(online.writer.doc)));

  const pushSamples: number[] = [];
  const pullSamples: number[] = [];
  for (let repeat = 0; repeat < params.catchUpRepeats; repeat++) {
    await offline.disconnect();
    typeOffline(offline.doc, own, edits);
    let url = await api.socketUrl(docName!);
    let start = performance.now();
    await offline.connect(url);
    const pushed = stateVector(offline.doc);
    await online.reader.until(() => online.reader.covers(pushed));
    pushSamples.push(performance.now() - start);

    await offline.disconnect();
    typeOffline(online.writer.doc, others, edits);
    const pulled = stateVector(online.writer.doc);
    await online.reader.until(() => online.reader.covers(pulled));
    await sleep(200);
    url = await api.socketUrl(docName!);
    start = performance.now();
    await offline.connect(url);
    await offline.until(() => offline.covers(pulled));
    pullSamples.push(performance.now() - start);
  }
  await offline.destroy();
  await online.close();
  return { edits, pushMs: median(pushSamples), pullMs: median(pullSamples), pushSamples, pullSamples };
}

function typingParagraph(doc: Y.Doc): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(BODY_FIELD).insert(0, [paragraph]);
  return text;
}

/** N keystrokes, one transaction each, as an editor makes them. */
function typeOffline(doc: Y.Doc, text: Y.XmlText, count: number): void {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz éèàç';
  for (let i = 0; i < count; i++) doc.transact(() => text.insert(text.length, alphabet[i % alphabet.length]!, {}));
}

function stateVector(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}
