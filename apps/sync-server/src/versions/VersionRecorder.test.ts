import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../logger.js';
import { VersionRecorder } from './VersionRecorder.js';
import type { NewVersion, Version, VersionStore, VersionWithState } from './VersionStore.js';

const DAY = 24 * 3600_000;

/** The store contract in memory (the engines pass it in versionStoreContract.test.ts). */
class MemoryVersions implements VersionStore {
  readonly rows: VersionWithState[] = [];
  async create(version: NewVersion): Promise<Version> {
    this.rows.push({ ...version, bytes: version.state.byteLength });
    const { state: _state, ...stored } = this.rows.at(-1)!;
    return stored;
  }
  async list(documentId: string): Promise<Version[]> {
    return this.rows
      .filter((row) => row.documentId === documentId)
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(({ state: _state, ...version }) => version);
  }
  async get(id: string): Promise<VersionWithState | undefined> {
    return this.rows.find((row) => row.id === id);
  }
  async delete(documentId: string, ids: readonly string[]): Promise<number> {
    let count = 0;
    for (const id of ids) {
      const index = this.rows.findIndex((row) => row.id === id && row.documentId === documentId);
      if (index >= 0) {
        this.rows.splice(index, 1);
        count++;
      }
    }
    return count;
  }
}

const stateOf = (text: string) => new TextEncoder().encode(text);

describe('VersionRecorder', () => {
  it('takes an automatic version once the burst goes idle, naming who edited, and none without edits', async () => {
    const versions = new MemoryVersions();
    const recorder = new VersionRecorder({ versions, readState: async () => stateOf('plan'), logger: silentLogger, capture: { idleMs: 20 } });
    recorder.edited('d', ['inès', null, 'awa', 'inès']);
    await vi.waitFor(() => expect(versions.rows).toHaveLength(1));
    expect(versions.rows[0]).toMatchObject({ documentId: 'd', kind: 'auto', name: null, createdBy: null, editors: ['inès', 'awa'] });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(versions.rows).toHaveLength(1);
    await recorder.close();
  });

  it('gives the edits of the burst to a version asked for, and then takes no automatic one', async () => {
    const versions = new MemoryVersions();
    const recorder = new VersionRecorder({ versions, readState: async () => stateOf('plan'), logger: silentLogger, capture: { idleMs: 30 } });
    recorder.edited('d', ['awa']);
    const named = await recorder.take('d', { kind: 'named', name: 'Avant la réunion', createdBy: 'inès' });
    expect(named).toMatchObject({ kind: 'named', name: 'Avant la réunion', createdBy: 'inès', editors: ['awa'] });
    await new Promise((resolve) => setTimeout(resolve, 90));
    expect(versions.rows.map((row) => row.kind)).toEqual(['named']);
    await recorder.close();
  });

  it('keeps the given state of a submission, and nothing for a deleted document', async () => {
    const versions = new MemoryVersions();
    const recorder = new VersionRecorder({ versions, readState: async () => undefined, logger: silentLogger });
    expect(await recorder.take('gone', { kind: 'named', name: 'x', createdBy: 'awa' })).toBeUndefined();
    const submitted = await recorder.take('d', { kind: 'submission', name: 'Dépôt 1', createdBy: 'awa', state: stateOf('dépôt') });
    expect(submitted?.bytes).toBe(stateOf('dépôt').byteLength);
    expect(versions.rows.map((row) => row.kind)).toEqual(['submission']);
    await recorder.close();
  });

  it('tries an automatic version again when the store failed, with the same editors', async () => {
    const versions = new MemoryVersions();
    let failures = 1;
    const recorder = new VersionRecorder({
      versions,
      readState: async () => {
        if (failures-- > 0) throw new Error('disque plein');
        return stateOf('plan');
      },
      logger: silentLogger,
      capture: { idleMs: 20 },
    });
    recorder.edited('d', ['awa']);
    await vi.waitFor(() => expect(versions.rows).toHaveLength(1));
    expect(versions.rows[0]!.editors).toEqual(['awa']);
    await recorder.close();
  });

  it('thins the automatic versions by the clock it is given, never the named ones', async () => {
    const versions = new MemoryVersions();
    let now = 100 * DAY;
    const recorder = new VersionRecorder({ versions, readState: async () => stateOf('plan'), logger: silentLogger, now: () => now });
    // Three versions in the same hour, ten days ago, then one now: only the last of that hour stays.
    await recorder.take('d', { kind: 'named', name: 'Gardée', createdBy: 'awa' });
    for (const minutes of [1, 2, 3]) {
      now = 100 * DAY + minutes * 60_000;
      await recorder.take('d', { kind: 'restore', createdBy: 'awa' });
    }
    expect(versions.rows).toHaveLength(4);
    now = 110 * DAY;
    await recorder.take('d', { kind: 'named', name: 'Dix jours après', createdBy: 'awa' });
    expect(versions.rows.map((row) => [row.kind, row.createdAt])).toEqual([
      ['named', 100 * DAY],
      ['restore', 100 * DAY + 3 * 60_000],
      ['named', 110 * DAY],
    ]);
    await recorder.close();
  });
});
