import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { SqliteDocumentStore, updateLogDirOf } from './SqliteDocumentStore.js';
import { UpdateLog, parseLogFile, readLogFolder, type LogUpdate } from './UpdateLog.js';

const dirs: string[] = [];
const logs: UpdateLog[] = [];
const stores: SqliteDocumentStore[] = [];
afterEach(async () => {
  for (const log of logs.splice(0)) log.close();
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'canevas-log-'));
  dirs.push(dir);
  return dir;
}

function openLog(dir: string, options: { afterSeq?: number; segmentBytes?: number; quotaBytes?: number } = {}): UpdateLog {
  const log = new UpdateLog({ dir, afterSeq: options.afterSeq ?? 0, ...options });
  logs.push(log);
  return log;
}

const bytes = (...values: number[]) => new Uint8Array(values);
const logFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.log')).sort();

describe('UpdateLog', () => {
  it('stores a batch as one frame and reads each room back in order, sequence numbers after the rows', () => {
    const dir = newDir();
    const log = openLog(dir, { afterSeq: 41 });
    expect(log.append([{ room: 'doc-a', update: bytes(1, 2, 3) }, { room: 'doc-b', update: bytes(9) }])).toEqual([42, 43]);
    expect(log.append([{ room: 'doc-a', update: bytes(4) }])).toEqual([44]);
    expect(log.entries('doc-a')).toEqual([
      { seq: 42, update: bytes(1, 2, 3) },
      { seq: 44, update: bytes(4) },
    ]);
    expect(log.sizeOf('doc-a')).toEqual({ entries: 2, bytes: 4 });
    // A room is named once per file; later frames refer to it by number.
    const file = readFileSync(join(dir, logFiles(dir)[0]!));
    expect(file.toString('latin1').split('doc-a')).toHaveLength(2);
    expect(readLogFolder(dir).updates).toEqual([
      { room: 'doc-a', update: bytes(1, 2, 3) },
      { room: 'doc-b', update: bytes(9) },
      { room: 'doc-a', update: bytes(4) },
    ]);
  });

  it('costs a few bytes per update on disk, not pages', () => {
    const dir = newDir();
    const log = openLog(dir);
    const update = new Uint8Array(20).fill(7);
    for (let i = 0; i < 1000; i++) log.append([{ room: 'a-document-id-of-22-ch', update }]);
    const size = statSync(join(dir, logFiles(dir)[0]!)).size;
    expect(size).toBeLessThan(1000 * (20 + 10));
    expect(log.bytes).toBe(size);
  });

  it('reads every whole frame of a file cut in the middle of its last one (crash), and says it is complete', () => {
    const dir = newDir();
    const log = openLog(dir);
    log.append([{ room: 'r', update: bytes(1, 1, 1, 1) }]);
    log.append([{ room: 'r', update: bytes(2, 2, 2, 2) }, { room: 's', update: bytes(3) }]);
    const path = join(dir, logFiles(dir)[0]!);
    const whole = statSync(path).size;
    for (let cut = whole - 1; cut > whole - 8; cut--) {
      truncateSync(path, cut);
      // The whole second frame is refused: a batch is stored entirely or not at all.
      expect(parseLogFile(readFileSync(path))).toEqual({ updates: [{ room: 'r', update: bytes(1, 1, 1, 1) }], damage: undefined });
    }
  });

  it('resynchronises after a damaged frame: every intact frame after it is read, and the damage is described', () => {
    const dir = newDir();
    const log = openLog(dir);
    log.append([{ room: 'r', update: bytes(1, 1, 1, 1) }]);
    const path = join(dir, logFiles(dir)[0]!);
    const frameStart = statSync(path).size;
    log.append([{ room: 'r', update: bytes(2, 2, 2, 2) }]);
    const frameEnd = statSync(path).size;
    log.append([{ room: 'r', update: bytes(3, 3, 3, 3) }, { room: 's', update: bytes(4) }]);
    const file = readFileSync(path);
    // Flip a byte of the second update: its checksum no longer matches.
    file[file.indexOf(Buffer.from([2, 2, 2, 2]))] = 0x55;
    writeFileSync(path, file);
    const { updates, damage } = parseLogFile(file);
    expect(updates).toEqual([
      { room: 'r', update: bytes(1, 1, 1, 1) },
      { room: 'r', update: bytes(3, 3, 3, 3) },
      { room: 's', update: bytes(4) },
    ]);
    expect(damage).toEqual({ ranges: [{ from: frameStart, to: frameEnd }], skippedBytes: frameEnd - frameStart, skippedFrames: 1, recoveredFrames: 1, unplacedUpdates: 0 });
    expect(readLogFolder(dir).files.map((entry) => entry.damaged)).toEqual([true]);
  });

  it('resynchronises after a damaged length too, which would otherwise read as a frame torn by a crash', () => {
    const dir = newDir();
    const log = openLog(dir);
    for (let i = 1; i <= 5; i++) log.append([{ room: 'r', update: new Uint8Array(3).fill(i) }]);
    const path = join(dir, logFiles(dir)[0]!);
    const file = readFileSync(path);
    const second = file.indexOf(Buffer.from([2, 2, 2])) - 7;
    // The length varint of the second frame now claims far more than the file holds.
    file[second] = 0xff;
    const { updates, damage } = parseLogFile(file);
    expect(updates.map((entry) => entry.update[0])).toEqual([1, 3, 4, 5]);
    expect(damage).toMatchObject({ skippedBytes: 10, recoveredFrames: 3 });
  });

  it('counts, without placing them, updates of a room named in the damaged bytes', () => {
    const dir = newDir();
    const log = openLog(dir);
    log.append([{ room: 'r', update: bytes(1) }]);
    log.append([{ room: 'named-here', update: bytes(2) }]);
    log.append([{ room: 'named-here', update: bytes(3) }, { room: 'r', update: bytes(4) }]);
    const path = join(dir, logFiles(dir)[0]!);
    const file = readFileSync(path);
    const named = file.indexOf(Buffer.from('named-here'));
    file[named] = file[named]! ^ 0x20;
    expect(parseLogFile(file)).toMatchObject({
      updates: [{ room: 'r', update: bytes(1) }, { room: 'r', update: bytes(4) }],
      damage: { skippedFrames: 1, recoveredFrames: 1, unplacedUpdates: 1 },
    });
  });

  it('never reads a frame that was not written, and reads every frame the damage did not touch (one damaged byte anywhere)', () => {
    const batch = fc.array(fc.record({ room: fc.constantFrom('a', 'b', 'c'), update: fc.uint8Array({ minLength: 1, maxLength: 40 }) }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(batch, { minLength: 2, maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (batches, at, flip) => {
        const dir = newDir();
        const log = new UpdateLog({ dir, afterSeq: 0 });
        const path = () => join(dir, logFiles(dir)[0]!);
        const ends: number[] = [];
        for (const frame of batches) {
          log.append(frame);
          ends.push(statSync(path()).size);
        }
        const file = readFileSync(path());
        log.close();
        const headerEnd = 12;
        const position = headerEnd + (at % (file.byteLength - headerEnd));
        file[position] = file[position]! ^ flip;
        const damaged = ends.findIndex((end) => position < end);
        const namedIn = new Map<string, number>();
        batches.forEach((frame, index) => frame.forEach(({ room }) => namedIn.has(room) || namedIn.set(room, index)));
        const expected: LogUpdate[] = batches.flatMap((frame, index) => (index === damaged ? [] : frame.filter(({ room }) => namedIn.get(room) !== damaged)));
        const { updates, damage } = parseLogFile(file);
        expect(updates).toEqual(expected);
        // A damaged length in the last frame reads as that frame torn by a crash: lost all the same.
        const readAsTorn = damaged === batches.length - 1 && damage === undefined;
        if (!readAsTorn) expect(damage?.ranges).toEqual([{ from: damaged === 0 ? headerEnd : ends[damaged - 1]!, to: ends[damaged]! }]);
      }),
      { numRuns: 80 },
    );
    // Each run writes a real file: slow on a loaded machine, not wrong.
  }, 30_000);

  it('does not take typed text for a frame: the checksums are seeded per file', () => {
    // Two frames forged for a room « victim », with checksums as a writer without the seed computes them.
    const forged = (update: Uint8Array) => {
      const payload = encoding.createEncoder();
      encoding.writeVarUint(payload, 1);
      encoding.writeVarString(payload, 'victim');
      encoding.writeVarUint(payload, 0);
      encoding.writeVarUint8Array(payload, update);
      const bytesOf = encoding.toUint8Array(payload);
      const frame = encoding.createEncoder();
      encoding.writeVarUint(frame, bytesOf.byteLength);
      encoding.writeUint32(frame, crc32(bytesOf));
      encoding.writeUint8Array(frame, bytesOf);
      return encoding.toUint8Array(frame);
    };
    const text = new Uint8Array([0, ...forged(bytes(6, 6)), ...forged(bytes(6, 6))]);
    const dir = newDir();
    const log = openLog(dir);
    log.append([{ room: 'r', update: bytes(1) }]);
    log.append([{ room: 'r', update: text }]);
    log.append([{ room: 'r', update: bytes(3) }]);
    const path = join(dir, logFiles(dir)[0]!);
    const file = readFileSync(path);
    const lastLengthByte = file.indexOf(Buffer.from(text)) - 1;
    file[lastLengthByte] = file[lastLengthByte]! ^ 0x01;
    const { updates } = parseLogFile(file);
    expect(updates).toEqual([{ room: 'r', update: bytes(1) }, { room: 'r', update: bytes(3) }]);
  });

  it('reads files written before the seed (CNVLOG01)', () => {
    const payload = encoding.createEncoder();
    encoding.writeVarUint(payload, 1);
    encoding.writeVarString(payload, 'r');
    encoding.writeVarUint(payload, 0);
    encoding.writeVarUint8Array(payload, bytes(7, 7));
    const body = encoding.toUint8Array(payload);
    const file = encoding.createEncoder();
    encoding.writeUint8Array(file, new TextEncoder().encode('CNVLOG01'));
    encoding.writeVarUint(file, body.byteLength);
    encoding.writeUint32(file, crc32(body));
    encoding.writeUint8Array(file, body);
    expect(parseLogFile(encoding.toUint8Array(file))).toEqual({ updates: [{ room: 'r', update: bytes(7, 7) }], damage: undefined });
  });

  it('refuses a frame past its quota with ENOSPC, writes nothing of it, and accepts again once raised', () => {
    const dir = newDir();
    const log = openLog(dir);
    log.append([{ room: 'r', update: bytes(1) }]);
    log.setQuota(log.bytes);
    const size = log.bytes;
    expect(() => log.append([{ room: 'r', update: bytes(2) }])).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(log.bytes).toBe(size);
    expect(log.entries('r').map((entry) => entry.update)).toEqual([bytes(1)]);
    log.setQuota(Number.POSITIVE_INFINITY);
    log.append([{ room: 'r', update: bytes(3) }]);
    expect(readLogFolder(dir).updates.map((entry) => entry.update)).toEqual([bytes(1), bytes(3)]);
  });

  it('with sync (SQLITE_SYNCHRONOUS=FULL) writes the same frames, each flushed to the disk', () => {
    const dir = newDir();
    const log = new UpdateLog({ dir, afterSeq: 0, sync: true });
    logs.push(log);
    log.append([{ room: 'r', update: bytes(1, 2) }]);
    log.append([{ room: 'r', update: bytes(3) }]);
    expect(readLogFolder(dir).updates.map((entry) => entry.update)).toEqual([bytes(1, 2), bytes(3)]);
  });

  it('deletes a file once none of its entries is live, and seals a full one for the store to move', () => {
    const dir = newDir();
    const log = openLog(dir, { segmentBytes: 64 });
    const big = new Uint8Array(60).fill(1);
    log.append([{ room: 'hot', update: big }]);
    log.append([{ room: 'cold', update: bytes(5) }, { room: 'hot', update: big }]);
    expect(logFiles(dir)).toEqual(['000001.log', '000002.log']);
    const sealed = log.sealedSegments();
    expect(sealed.map((segment) => segment.id)).toEqual([1, 2]);
    log.drop('hot');
    expect(logFiles(dir)).toEqual(['000002.log']);
    expect(log.sealedSegments()).toEqual([{ id: 2, entries: [{ room: 'cold', seq: 2, update: bytes(5) }] }]);
    log.forgetSegment(2);
    expect(logFiles(dir)).toEqual([]);
    expect(log.rooms()).toEqual([]);
    log.append([{ room: 'cold', update: bytes(6) }]);
    expect(logFiles(dir)).toEqual(['000003.log']);
  });
});

describe('SqliteDocumentStore with its update log', () => {
  async function newStore(file: string, mode: 'append' | 'read' = 'append'): Promise<SqliteDocumentStore> {
    const store = new SqliteDocumentStore({ file, updateLog: mode });
    stores.push(store);
    return store;
  }

  async function withDocument(): Promise<{ file: string; store: SqliteDocumentStore }> {
    const file = join(newDir(), 'canevas.sqlite');
    const store = await newStore(file);
    await store.createDocument({ id: 'doc-1', title: 'Plan', workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: bytes(0, 0) });
    return { file, store };
  }

  it('appends without a database commit, folds on compact, and leaves no log file once closed', async () => {
    const { file, store } = await withDocument();
    const changes = () => store.database.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n;
    const before = changes();
    await store.appendUpdates([{ room: 'doc-1', update: bytes(1) }, { room: 'doc-1/review', update: bytes(2) }]);
    await store.appendUpdates([{ room: 'doc-1', update: bytes(3) }]);
    expect(changes()).toBe(before);
    const stored = await store.loadDocument('doc-1');
    expect(stored!.updates.map((row) => row.update)).toEqual([bytes(1), bytes(3)]);
    // The listing shows the edit at once, although the row is not written yet.
    expect((await store.getDocument('doc-1'))!.updatedAt).toBeGreaterThan(1);

    await store.foldLog('doc-1', bytes(0, 0, 7), stored!.updates[0]!.rowId);
    expect((await store.loadDocument('doc-1'))!.updates.map((row) => row.update)).toEqual([bytes(3)]);

    stores.splice(stores.indexOf(store), 1);
    await store.close();
    expect(logFiles(updateLogDirOf(file))).toEqual([]);
    const reopened = await newStore(file, 'read');
    expect((await reopened.loadDocument('doc-1'))!.updates.map((row) => row.update)).toEqual([bytes(3)]);
    expect((await reopened.loadDocument('doc-1/review'))!.updates.map((row) => row.update)).toEqual([bytes(2)]);
    expect((await reopened.getDocument('doc-1'))!.updatedAt).toBeGreaterThan(1);
  });

  it('after a crash, the next server imports the log left behind, in order, and continues the numbering', async () => {
    const { file, store } = await withDocument();
    await store.appendUpdates([{ room: 'doc-1', update: bytes(1) }]);
    await store.appendUpdates([{ room: 'doc-1', update: bytes(2) }, { room: 'gone', update: bytes(9) }]);
    // No close: the process died. Another process reads what the log holds meanwhile.
    const reader = await newStore(file, 'read');
    expect((await reader.loadDocument('doc-1'))!.updates.map((row) => row.update)).toEqual([bytes(1), bytes(2)]);

    const next = await newStore(file);
    expect(logFiles(updateLogDirOf(file))).toEqual([]);
    const imported = await next.loadDocument('doc-1');
    expect(imported!.updates.map((row) => row.update)).toEqual([bytes(1), bytes(2)]);
    await next.appendUpdates([{ room: 'doc-1', update: bytes(3) }]);
    const rows = (await next.loadDocument('doc-1'))!.updates;
    expect(rows.map((row) => row.update)).toEqual([bytes(1), bytes(2), bytes(3)]);
    expect(rows[2]!.rowId).toBeGreaterThan(rows[1]!.rowId);
  });

  it('moves the live entries of a full file into rows, so that the log does not grow with rarely edited documents', async () => {
    const file = join(newDir(), 'canevas.sqlite');
    // 64 KiB files rather than the default 16 MiB: the same mechanism, a thousandth of the writes.
    const store = new SqliteDocumentStore({ file, updateLog: 'append', updateLogSegmentBytes: 64 * 1024 });
    stores.push(store);
    for (const id of ['quiet', 'busy']) {
      await store.createDocument({ id, title: id, workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: bytes(0, 0) });
    }
    await store.appendUpdates([{ room: 'quiet', update: bytes(4, 2) }]);
    const page = new Uint8Array(4 * 1024).fill(3);
    // The seventeenth append seals the first file.
    for (let i = 0; i < 17; i++) {
      await store.appendUpdates([{ room: 'busy', update: page }]);
      const stored = await store.loadDocument('busy');
      await store.foldLog('busy', bytes(0, 0), stored!.updates.at(-1)!.rowId);
    }
    expect(logFiles(updateLogDirOf(file))).toEqual(['000002.log']);
    const rows = store.database.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM document_updates WHERE doc_id = 'quiet'").get()!.n;
    expect(rows).toBe(1);
    expect((await store.loadDocument('quiet'))!.updates.map((row) => row.update)).toEqual([bytes(4, 2)]);
  });

  it('imports every intact frame around one damaged byte, keeps the file aside, and logs the damage as an error', async () => {
    const file = join(newDir(), 'canevas.sqlite');
    const lines: string[] = [];
    const store = new SqliteDocumentStore({ file, updateLog: 'append', logger: createLogger({ write: (line) => lines.push(line) }) });
    stores.push(store);
    for (const id of ['doc-1', 'doc-2']) {
      await store.createDocument({ id, title: id, workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: bytes(0, 0) });
    }
    // 60 paragraphs across 2 documents, one frame each, as in the attack (issue 13).
    for (let i = 0; i < 60; i++) await store.appendUpdates([{ room: i % 2 ? 'doc-2' : 'doc-1', update: bytes(i, i, i, i) }]);
    const path = join(updateLogDirOf(file), '000001.log');
    const content = readFileSync(path);
    const damagedAt = content.indexOf(Buffer.from([30, 30, 30, 30])) + 1;
    content[damagedAt] = content[damagedAt]! ^ 0x10;
    writeFileSync(path, content);
    // The process died (no close); the next server imports what it left.
    const next = new SqliteDocumentStore({ file, updateLog: 'append', logger: createLogger({ write: (line) => lines.push(line) }) });
    stores.push(next);
    const one = (await next.loadDocument('doc-1'))!.updates.map((row) => row.update[0]);
    const two = (await next.loadDocument('doc-2'))!.updates.map((row) => row.update[0]);
    expect(one).toEqual(Array.from({ length: 30 }, (_, i) => 2 * i).filter((i) => i !== 30));
    expect(two).toEqual(Array.from({ length: 30 }, (_, i) => 2 * i + 1));
    expect(existsSync(`${path}.endommage`)).toBe(true);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === 'store.update_log_damaged');
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'error',
        file: path,
        ranges: [{ from: expect.any(Number), to: expect.any(Number) }],
        skippedFrames: 1,
        recoveredFrames: 29,
        keptAs: `${path}.endommage`,
        message: expect.stringMatching(/^Journal des modifications endommagé : .*000001\.log, octets \d+–\d+ illisibles \(\d+ octets, 1 trame\(s\) perdues\) ; 29 trame\(s\) intactes lues après\. Copie conservée : .*\.endommage\.$/),
      }),
    ]);
    const [range] = (logged[0]!.ranges as { from: number; to: number }[]);
    expect(range!.from).toBeLessThan(damagedAt);
    expect(range!.to).toBeGreaterThan(damagedAt);
  });
});
