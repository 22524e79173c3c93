import { NOISY_GENERATOR_CORE, type WindowReport } from '../measure/MeasureWindow.js';
import { PEER_KINDS, type ServerKind } from '../protocol/ServerKind.js';
import type { BenchResults, PerServer } from './BenchResults.js';

export type Flag = 'rejected' | 'noisy';

export interface FigureRow {
  id: string;
  group: string;
  label: string;
  unit: string;
  values: PerServer<number>;
  flags: PerServer<Flag>;
  /** Ratios Canevas ÷ peer make sense (lower is better for every such row). */
  compare: boolean;
  digits: number;
}

export interface TargetCheck {
  id: string;
  label: string;
  target: string;
  figure: string;
  /** null: not measured, or measured on a rejected window. */
  met: boolean | null;
}

export interface Analysis {
  rows: FigureRow[];
  targets: TargetCheck[];
  /** Canevas ÷ peer, per peer, per comparable row. */
  ratios: Record<string, Record<string, number>>;
  /** Canevas on PostgreSQL ÷ Canevas on SQLite, per comparable row (empty without both). */
  storeRatios: Record<string, number>;
  rejected: string[];
  noisy: string[];
}

const KIB = 1024;

function flagOf(window: WindowReport | undefined): Flag | undefined {
  if (!window) return undefined;
  if (window.rejected) return 'rejected';
  return window.noisy ? 'noisy' : undefined;
}

function row(
  group: string,
  id: string,
  label: string,
  unit: string,
  servers: ServerKind[],
  value: (kind: ServerKind) => number | undefined,
  options: { compare?: boolean; digits?: number; window?: (kind: ServerKind) => WindowReport | undefined } = {},
): FigureRow {
  const values: PerServer<number> = {};
  const flags: PerServer<Flag> = {};
  for (const kind of servers) {
    const v = value(kind);
    if (v !== undefined && Number.isFinite(v)) values[kind] = v;
    const flag = flagOf(options.window?.(kind));
    if (flag) flags[kind] = flag;
  }
  return { id, group, label, unit, values, flags, compare: options.compare ?? true, digits: options.digits ?? 2 };
}

export function analyze(results: BenchResults): Analysis {
  const servers = results.servers;
  const rows: FigureRow[] = [];
  const idle = results.idlePropagation;
  const idleWindow = (kind: ServerKind) => idle[kind]?.window;
  rows.push(row('Propagation at idle', 'propagationIdleP50', 'p50', 'ms', servers, (k) => idle[k]?.propagation.p50, { digits: 3, window: idleWindow }));
  rows.push(row('Propagation at idle', 'propagationIdleP99', 'p99', 'ms', servers, (k) => idle[k]?.propagation.p99, { digits: 3, window: idleWindow }));
  rows.push(row('Propagation at idle', 'propagationIdleMax', 'max', 'ms', servers, (k) => idle[k]?.propagation.max, { digits: 3, window: idleWindow }));

  for (const { label, results: load } of results.loads) {
    const group = `Load ${label} at 5 chars/s`;
    const key = label.replace('×', 'x');
    const window = (kind: ServerKind) => load[kind]?.window;
    rows.push(row(group, `propagationLoadP50_${key}`, 'propagation p50', 'ms', servers, (k) => load[k]?.propagation.p50, { digits: 3, window }));
    rows.push(row(group, `propagationLoadP99_${key}`, 'propagation p99', 'ms', servers, (k) => load[k]?.propagation.p99, { digits: 3, window }));
    rows.push(row(group, `propagationLoadMax_${key}`, 'propagation max', 'ms', servers, (k) => load[k]?.propagation.max, { digits: 3, window }));
    rows.push(row(group, `cpuPer1000_${key}`, 'server CPU per 1,000 delivered updates', 'ms', servers, (k) => load[k]?.cpuMsPer1000Delivered, { window }));
    rows.push(row(group, `serverCores_${key}`, 'server CPU', 'cores', servers, (k) => (load[k] ? load[k].window.serverCpuSeconds / load[k].window.wallSeconds : undefined), { window }));
    rows.push(row(group, `delivered_${key}`, 'updates delivered per second', '/s', servers, (k) => (load[k] ? load[k].deliveredKeystrokes / load[k].window.wallSeconds : undefined), { compare: false, digits: 0, window }));
    rows.push(row(group, `deliveryRatio_${key}`, 'delivered ÷ expected after drain', '', servers, (k) => load[k]?.deliveryRatio, { compare: false, digits: 4 }));
    rows.push(row(group, `messagesPerDelivered_${key}`, 'messages per delivered update', '', servers, (k) => load[k]?.messagesPerDelivered, { digits: 3 }));
    rows.push(row(group, `bytesPerDelivered_${key}`, 'bytes received per delivered update', 'B', servers, (k) => load[k]?.bytesPerDelivered, { digits: 1 }));
    // PostgreSQL rewrites its current WAL page and syncs it at every commit; the kernel counts each
    // such write_bytes as a whole page-cache folio (up to 2 MiB), not what reaches the disk: its
    // figure is the bytes it writes to files (next row; see the method).
    rows.push(row(group, `writeAmp_${key}`, 'write amplification (disk write_bytes ÷ update bytes)', '×', servers, (k) => (load[k]?.writeAmplification.postgres ? undefined : load[k]?.writeAmplification.ratio), { digits: 1 }));
    rows.push(row(group, `fileWriteAmp_${key}`, 'write amplification (bytes written to files ÷ update bytes)', '×', servers, (k) => load[k]?.writeAmplification.fileRatio, { digits: 1 }));
    rows.push(row(group, `rss_${key}`, 'server RSS at the end of the load', 'MiB', servers, (k) => (load[k] ? load[k].serverRssBytes / KIB / KIB : undefined), { digits: 1 }));
  }

  const cold = results.coldLoad;
  rows.push(row('Cold load of the 30-page dossier after a restart', 'coldLoadFirstServer', 'first load, server side (total − client apply)', 'ms', servers, (k) => cold[k]?.first.serverMs, { digits: 1 }));
  rows.push(row('Cold load of the 30-page dossier after a restart', 'coldLoadFirstTotal', 'first load, socket open → whole document in the client', 'ms', servers, (k) => cold[k]?.first.totalMs, { digits: 1 }));
  rows.push(row('Cold load of the 30-page dossier after a restart', 'coldLoadCopiesServer', 'further documents, server side, median', 'ms', servers, (k) => median(cold[k]?.copies.map((s) => s.serverMs)), { digits: 1 }));
  rows.push(row('Cold load of the 30-page dossier after a restart', 'coldLoadReplay', 'replaying the editing trace into the server (setup)', 's', servers, (k) => cold[k]?.seed.replaySeconds, { compare: false, digits: 1 }));

  for (const { edits, results: catchUp } of results.catchUp) {
    const group = `Catch-up after ${edits.toLocaleString('en')} offline edits`;
    rows.push(row(group, `catchUpPush_${edits}`, 'own offline edits → online peer has them (median)', 'ms', servers, (k) => catchUp[k]?.pushMs, { digits: 1 }));
    rows.push(row(group, `catchUpPull_${edits}`, 'others’ edits → reconnecting client has them (median)', 'ms', servers, (k) => catchUp[k]?.pullMs, { digits: 1 }));
  }

  const memory = results.memory;
  const documents = Object.values(memory)[0]?.documents ?? 0;
  const memoryGroup = `Memory, ${documents.toLocaleString('en')} open documents of one page`;
  rows.push(row(memoryGroup, 'rssPerDocument', 'RSS per open document', 'KiB', servers, (k) => (memory[k] ? memory[k].perDocumentBytes / KIB : undefined), { digits: 1 }));
  rows.push(row(memoryGroup, 'rssStart', 'RSS before opening them', 'MiB', servers, (k) => (memory[k] ? memory[k].rssStartBytes / KIB / KIB : undefined), { compare: false, digits: 1 }));
  rows.push(row(memoryGroup, 'rssAfterLeft', 'RSS after every client left ÷ before', '×', servers, (k) => memory[k]?.afterLeftRatio, { digits: 3 }));
  rows.push(row(memoryGroup, 'rssAfterGc', 'the same after a forced full GC', '×', servers, (k) => memory[k]?.afterGcRatio, { digits: 3 }));

  const awareness = results.awareness;
  const clients = Object.values(awareness)[0]?.clients ?? 0;
  const awarenessGroup = `Awareness, ${clients} clients on one document, 5 caret moves/s each`;
  const awarenessWindow = (kind: ServerKind) => awareness[kind]?.window;
  rows.push(row(awarenessGroup, 'awarenessBytes', 'bytes received per client per second', 'B/s', servers, (k) => awareness[k]?.bytesPerClientPerSecond, { digits: 0, window: awarenessWindow }));
  rows.push(row(awarenessGroup, 'awarenessMessages', 'messages sent by the server per second', '/s', servers, (k) => awareness[k]?.messagesPerSecondOut, { digits: 0, window: awarenessWindow }));
  rows.push(row(awarenessGroup, 'awarenessCpu', 'server CPU', 'cores', servers, (k) => awareness[k]?.serverCores, { digits: 3, window: awarenessWindow }));

  const ratios: Record<string, Record<string, number>> = {};
  for (const peer of PEER_KINDS) {
    if (!servers.includes(peer)) continue;
    const forPeer: Record<string, number> = {};
    for (const r of rows) {
      const ours = r.values.canevas;
      const theirs = r.values[peer];
      if (!r.compare || ours === undefined || theirs === undefined || theirs === 0) continue;
      forPeer[r.id] = round(ours / theirs, 3);
    }
    ratios[peer] = forPeer;
  }

  const storeRatios: Record<string, number> = {};
  for (const r of rows) {
    const postgres = r.values['canevas-postgres'];
    const sqlite = r.values.canevas;
    if (!r.compare || postgres === undefined || sqlite === undefined || sqlite === 0) continue;
    storeRatios[r.id] = round(postgres / sqlite, 3);
  }

  const rejected: string[] = [];
  const noisy: string[] = [];
  for (const { scenario, server, window } of results.windows) {
    if (window.rejected) rejected.push(`${scenario} (${server}): generator at ${window.generatorCoreShare.toFixed(2)} core`);
    else if (window.noisy) noisy.push(`${scenario} (${server}): other load ${window.foreignLoadServerCore.toFixed(2)} core on the server core, ${window.foreignLoadGeneratorCore.toFixed(2)} on the generator core`);
  }

  const completenessLoad = results.completeness?.foreignLoad ?? 0;
  if (completenessLoad > NOISY_GENERATOR_CORE) noisy.push(`completeness: other load ${completenessLoad.toFixed(2)} core on its core`);

  return { rows, targets: checkTargets(results, rows), ratios, storeRatios, rejected, noisy };
}

function checkTargets(results: BenchResults, rows: FigureRow[]): TargetCheck[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const targets: TargetCheck[] = [];
  const versusBestPeer = (id: string, label: string, target: string, factor: number, ids: string[]) => {
    const parts: string[] = [];
    let met: boolean | null = true;
    for (const rowId of ids) {
      const r = byId.get(rowId);
      const ours = r?.values.canevas;
      const peers = PEER_KINDS.map((k) => r?.values[k]).filter((v): v is number => v !== undefined);
      if (!r || ours === undefined || peers.length === 0) {
        met = null;
        continue;
      }
      const best = Math.min(...peers);
      const flagged = Object.values(r.flags).includes('rejected');
      parts.push(`${rowId.split('_')[1] ?? ''} ${fmt(ours, r.digits)} ${r.unit} vs best peer ${fmt(best, r.digits)} ${r.unit}${factor !== 1 ? ` (limit ${fmt(best * factor, r.digits)})` : ''}${flagged ? ' [rejected window]' : ''}`.trim());
      if (flagged) met = null;
      else if (met !== null && ours > best * factor) met = false;
    }
    targets.push({ id, label, target, figure: parts.join('; '), met: parts.length === 0 ? null : met });
  };
  const loadKeys = results.loads.map(({ label }) => label.replace('×', 'x'));
  versusBestPeer('propagationUnderLoad', 'propagation p99 under load', '≤ the best peer', 1, loadKeys.map((k) => `propagationLoadP99_${k}`));
  versusBestPeer('cpuPerUpdate', 'server CPU per delivered update', '≤ 0.7 × the best peer', 0.7, loadKeys.map((k) => `cpuPer1000_${k}`));
  versusBestPeer('rssPerDocument', 'RSS per open document', '≤ the best peer', 1, ['rssPerDocument']);

  const memory = results.memory.canevas;
  targets.push({
    id: 'rssAfterLeft',
    label: 'RSS after every client has left',
    target: 'within 10 % of the start',
    figure: memory ? `${pct(memory.afterLeftRatio)} of the start (after a forced GC: ${pct(memory.afterGcRatio)})` : 'not measured',
    met: memory ? memory.afterLeftRatio <= 1.1 : null,
  });
  const cold = results.coldLoad.canevas;
  targets.push({
    id: 'coldLoad',
    label: 'cold load of the 30-page document',
    target: '≤ 50 ms',
    figure: cold
      ? `${fmt(cold.first.serverMs, 1)} ms server side (${fmt(cold.first.totalMs, 1)} ms until the client holds it, of which ${fmt(cold.first.clientApplyMs, 1)} ms client apply); further documents ${fmt(median(cold.copies.map((s) => s.serverMs)) ?? Number.NaN, 1)} ms`
      : 'not measured',
    met: cold ? cold.first.serverMs <= 50 : null,
  });
  const amps = results.loads.map(({ label, results: load }) => ({ label, amp: load.canevas?.writeAmplification })).filter((a) => a.amp);
  targets.push({
    id: 'writeAmplification',
    label: 'write amplification',
    target: '≤ 3',
    figure: amps.length ? amps.map(({ label, amp }) => `${label}: ${fmt(amp!.ratio, 1)}× on disk (${fmt(amp!.fileRatio, 1)}× written to files)`).join('; ') : 'not measured',
    met: amps.length ? amps.every(({ amp }) => amp!.ratio <= 3) : null,
  });
  const completeness = results.completeness;
  targets.push({
    id: 'completeness',
    label: 'completeness engine, 30 pages',
    target: '≤ 5 ms per run',
    figure: completeness
      ? `mean ${fmt(completeness.meanMs ?? Number.NaN, 2)} ms per run (median ${fmt(completeness.medianMs, 2)} ms, p99 ${fmt(completeness.p99Ms, 2)} ms) over ${completeness.runs} runs${(completeness.foreignLoad ?? 0) > NOISY_GENERATOR_CORE ? ' † (other processes used ' + fmt(completeness.foreignLoad ?? 0, 2) + ' core meanwhile)' : ''}`
      : 'not measured',
    met: completeness ? (completeness.meanMs ?? completeness.p99Ms) <= 5 : null,
  });
  const editor = results.editor;
  targets.push({
    id: 'keystrokeToPaint',
    label: 'keystroke-to-paint p99 in the editor',
    target: '≤ 16 ms',
    figure: editor
      ? `p50 ${fmt(editor.keystrokeToPaint.p50, 1)} ms, p99 ${fmt(editor.keystrokeToPaint.p99, 1)} ms, max ${fmt(editor.keystrokeToPaint.max, 1)} ms (handling alone: p50 ${fmt(editor.processing.p50, 1)} ms, p99 ${fmt(editor.processing.p99, 1)} ms); this browser’s floor on a static contenteditable: p99 ${fmt(editor.floor.keystrokeToPaint.p99, 1)} ms${editor.window?.noisy ? ' † (loaded machine)' : ''}`
      : 'not measured',
    met: editor ? editor.keystrokeToPaint.p99 <= 16 : null,
  });
  return targets;
}

export function median(values: number[] | undefined): number | undefined {
  if (!values || values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function fmt(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
