import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('writes one JSON line per event, naming the instance on each when several run', () => {
    const lines: string[] = [];
    const named = createLogger({ write: (line) => lines.push(line), instance: 'canevas-2' });
    named.info('server.listening', { url: 'http://127.0.0.1:3000' });
    named.error('store.append_failed', { error: new Error('disque plein') });
    const [listening, failed] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(listening).toMatchObject({ level: 'info', event: 'server.listening', instance: 'canevas-2', url: 'http://127.0.0.1:3000' });
    expect(failed).toMatchObject({ instance: 'canevas-2', error: { name: 'Error', message: 'disque plein' } });

    lines.length = 0;
    createLogger({ write: (line) => lines.push(line) }).info('server.listening');
    expect(JSON.parse(lines[0]!)).not.toHaveProperty('instance');
  });
});
