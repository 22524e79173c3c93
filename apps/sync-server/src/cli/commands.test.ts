import { describe, expect, it } from 'vitest';
import { commands } from './commands.js';

describe('commands', () => {
  it('each entry loads the command of its name, which has a usage', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.usage).toContain(`pnpm canevas ${entry.name}`);
    }
  });
});
