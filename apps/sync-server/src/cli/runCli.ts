import type { Command, CommandEntry, CommandIO } from './Command.js';
import { UsageError } from './Command.js';
import { StoresUnavailableError } from '../store/Stores.js';
import { UnreadableDatabaseError } from '../store/UnreadableDatabaseError.js';

export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

/** Dispatches `argv[0]` to a command; unknown commands print the usage and exit with code 2. */
export async function runCli(commands: readonly (Command | CommandEntry)[], argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage(commands));
    return name === undefined ? EXIT_USAGE : 0;
  }
  const found = commands.find((candidate) => candidate.name === name);
  if (!found) {
    io.stderr(`Commande inconnue : ${name}\n\n${usage(commands)}`);
    return EXIT_USAGE;
  }
  const command = 'load' in found ? await found.load() : found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    // Every command that opens the data folder: the message says what to do, a stack would not.
    if (error instanceof UnreadableDatabaseError || error instanceof StoresUnavailableError) {
      io.stderr(`${error.message}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}

function usage(commands: readonly (Command | CommandEntry)[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary ?? ''}`);
  return `Usage : pnpm canevas <commande> [options]\n\nCommandes :\n${lines.join('\n')}\n`;
}
