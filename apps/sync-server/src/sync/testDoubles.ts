// Test doubles shared by the unit tests of the sync stages (imported by *.test.ts only).
import type { LogFields, Logger } from '../logger.js';
import type { QueuedUpdate, RoomWrites, WriteTarget } from './WriteQueue.js';

/** The write queue as a room sees it, recorded: what each room handed over, nothing stored. */
export class RecordingWrites implements RoomWrites {
  private readonly queued = new Map<WriteTarget, QueuedUpdate[]>();
  of(room: WriteTarget): QueuedUpdate[] {
    return this.queued.get(room) ?? [];
  }
  add(room: WriteTarget, update: QueuedUpdate): void {
    this.queued.set(room, [...this.of(room), update]);
  }
  unstoredCount(room: WriteTarget): number {
    return this.of(room).length;
  }
  unstoredBytes(room: WriteTarget): number {
    return this.of(room).reduce((sum, { update }) => sum + update.byteLength, 0);
  }
  forget(room: WriteTarget): void {
    this.queued.delete(room);
  }
}

/** A logger that keeps every event, for the tests to read. */
export class RecordingLogger implements Logger {
  readonly events: { level: string; event: string; fields: LogFields }[] = [];
  debug = (event: string, fields: LogFields = {}) => void this.events.push({ level: 'debug', event, fields });
  info = (event: string, fields: LogFields = {}) => void this.events.push({ level: 'info', event, fields });
  warn = (event: string, fields: LogFields = {}) => void this.events.push({ level: 'warn', event, fields });
  error = (event: string, fields: LogFields = {}) => void this.events.push({ level: 'error', event, fields });
  names(): string[] {
    return this.events.map((entry) => entry.event);
  }
}
