import { describe, expect, it } from 'vitest';
import { connectionStatus, type ConnectionState } from './connectionStatus.js';

const synced: ConnectionState = { socket: 'connected', synced: true, everSynced: true, unsynced: false, closed: null, storage: null };

describe('connectionStatus', () => {
  it('is connected only when synced and every local edit is stored', () => {
    expect(connectionStatus(synced)).toBe('connected');
    expect(connectionStatus({ ...synced, unsynced: true })).toBe('syncing');
    expect(connectionStatus({ ...synced, synced: false })).toBe('syncing');
    expect(connectionStatus({ ...synced, socket: 'connecting', synced: false, everSynced: false })).toBe('syncing');
  });

  it('is not connected while the server says it cannot store', () => {
    expect(connectionStatus({ ...synced, storage: { kind: 'full', retryInMs: 400 } })).toBe('syncing');
    expect(connectionStatus({ ...synced, socket: 'offline', synced: false, storage: null })).toBe('offline');
  });

  it('is offline once a connection attempt has failed, even with pending edits', () => {
    expect(connectionStatus({ ...synced, socket: 'offline', synced: false, unsynced: true })).toBe('offline');
  });

  it('tells a missing or deleted document from another refusal', () => {
    expect(connectionStatus({ ...synced, closed: { code: 4404, reason: '' } })).toBe('gone');
    expect(connectionStatus({ ...synced, closed: { code: 4410, reason: '' } })).toBe('gone');
    expect(connectionStatus({ ...synced, closed: { code: 4403, reason: '' } })).toBe('refused');
  });

  it('tells a quarantined document (4423) apart, so the page can say what to do', () => {
    expect(connectionStatus({ ...synced, closed: { code: 4423, reason: 'Document en quarantaine' } })).toBe('quarantined');
  });
});
