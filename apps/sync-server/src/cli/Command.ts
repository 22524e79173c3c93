/** A `pnpm canevas <name>` subcommand. Resolves to the process exit code. */
export interface Command {
  name: string;
  /** One line, shown in the usage message; a command listed in `commands.ts` has it there. */
  summary?: string;
  usage: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}

/**
 * A command as the dispatcher knows it before it is needed: `help` lists names and summaries,
 * and only the command that runs is loaded, with what it imports (stores, server, exports).
 */
export interface CommandEntry {
  name: string;
  /** One line, shown in the usage message. */
  summary: string;
  load(): Promise<Command>;
}

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** For --password-stdin; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream;
}

/** Bad arguments: the dispatcher prints the message and the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
