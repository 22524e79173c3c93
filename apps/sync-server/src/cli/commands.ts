import type { Command } from './Command.js';
import { docCommand } from './docCommand.js';
import { serveCommand } from './serveCommand.js';

/** Every `pnpm canevas` subcommand; later features register theirs here. */
export const commands: readonly Command[] = [serveCommand, docCommand];
