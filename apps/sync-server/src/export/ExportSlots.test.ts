import { describe, expect, it } from 'vitest';
import { ExportError } from './ExportError.js';
import { ExportSlots } from './ExportSlots.js';

describe('ExportSlots', () => {
  it('runs up to the limit, queues up to its length in order, and refuses beyond at once with a retry delay', async () => {
    const slots = new ExportSlots({ maxRunning: 1, maxQueued: 2, retryAfterSeconds: 7 });
    const first = await slots.enter();
    const started: string[] = [];
    const second = slots.enter().then((release) => (started.push('second'), release));
    const third = slots.enter().then((release) => (started.push('third'), release));
    expect(slots.load()).toEqual({ running: 1, queued: 2 });

    let refusal: unknown;
    try {
      void slots.enter();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ExportError);
    expect(refusal).toMatchObject({ code: 'TOO_MANY', retryAfterSeconds: 7, message: 'Trop d’exports sont en cours sur le serveur (1 en cours, 2 en attente). Réessayez dans un instant.' });

    first();
    first(); // a second release of the same slot changes nothing
    const releaseSecond = await second;
    expect(started).toEqual(['second']);
    expect(slots.load()).toEqual({ running: 1, queued: 1 });
    releaseSecond();
    (await third)();
    expect(started).toEqual(['second', 'third']);
    expect(slots.load()).toEqual({ running: 0, queued: 0 });
  });
});
