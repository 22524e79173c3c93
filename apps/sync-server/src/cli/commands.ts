import type { Command } from './Command.js';
import { backupCommand } from './backupCommand.js';
import { docCommand } from './docCommand.js';
import { memberCommand } from './memberCommand.js';
import { migrateCommand } from './migrateCommand.js';
import { referentialCommand } from './referentialCommand.js';
import { restoreCommand } from './restoreCommand.js';
import { serveCommand } from './serveCommand.js';
import { tokenCommand } from './tokenCommand.js';
import { userCommand } from './userCommand.js';
import { workspaceCommand } from './workspaceCommand.js';

/** Every `pnpm canevas` subcommand; later features register theirs here. */
export const commands: readonly Command[] = [serveCommand, docCommand, userCommand, tokenCommand, workspaceCommand, memberCommand, referentialCommand, backupCommand, restoreCommand, migrateCommand];
