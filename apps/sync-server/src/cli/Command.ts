/** A `pnpm canevas <name>` subcommand. Resolves to the process exit code. */
export interface Command {
  name: string;
  /** One line, shown in the usage message. */
  summary: string;
  usage: string;
  run(argv: string[], io: CommandIO): Promise<number>;
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
