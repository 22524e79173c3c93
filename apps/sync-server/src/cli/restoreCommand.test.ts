import { expect, it } from 'vitest';
import type { CommandIO } from './Command.js';
import { restoreCommand } from './restoreCommand.js';

it('points to pg_restore when DATABASE_URL selects PostgreSQL, and touches no data folder', async () => {
  let stderr = '';
  const io: CommandIO = { stdout: () => undefined, stderr: (text) => (stderr += text), env: { DATABASE_URL: 'postgres://canevas@localhost/canevas', DATA_DIR: '/nonexistent/canevas' } };
  expect(await restoreCommand.run(['sauvegarde.sqlite'], io)).toBe(1);
  expect(stderr).toContain('ne restaure que la base SQLite intégrée');
  expect(stderr).toContain('pg_restore');
});
