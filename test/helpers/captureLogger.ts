import { createLogger, type Logger } from '@canevas/sync-server';

export interface CapturedLogs {
  logger: Logger;
  entries: Array<{ level: string; event: string } & Record<string, unknown>>;
  events(name: string): Array<Record<string, unknown>>;
}

/** Keeps log lines in memory so tests can assert that one line was written for an event. */
export function captureLogger(): CapturedLogs {
  const entries: CapturedLogs['entries'] = [];
  const logger = createLogger({
    level: 'debug',
    write: (line) => entries.push(JSON.parse(line) as CapturedLogs['entries'][number]),
  });
  return { logger, entries, events: (name) => entries.filter((entry) => entry.event === name) };
}
