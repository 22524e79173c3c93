/**
 * The parent (the bench's orchestrator) talks to each server process over Node's IPC channel:
 * the child announces its port once it listens, and runs a full garbage collection on request
 * (the processes are started with --expose-gc) so that "memory after every client left" can be
 * read both as the server leaves it and after a forced collection.
 */
export interface Credentials {
  /** API token for `Authorization: Bearer` (tRPC and sync upgrades). */
  token: string;
  /** Session cookie value, for the browser of the editor scenario. */
  session: string;
}

export interface ReadyMessage {
  type: 'ready';
  port: number;
  credentials?: Credentials;
}

export type ParentMessage = { type: 'gc'; id: number };

export interface GcDoneMessage {
  type: 'gcDone';
  id: number;
}

export function announceReady(port: number, credentials?: Credentials): void {
  process.send?.({ type: 'ready', port, ...(credentials && { credentials }) } satisfies ReadyMessage);
}

export function serveParentRequests(): void {
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'gc') return;
    const gc = (globalThis as { gc?: (options?: unknown) => void }).gc;
    gc?.();
    gc?.();
    process.send?.({ type: 'gcDone', id: message.id } satisfies GcDoneMessage);
  });
  // The orchestrator owns our lifetime: if it dies, so do we.
  process.on('disconnect', () => process.exit(0));
}

export function argument(name: string): string {
  const value = optionalArgument(name);
  if (!value) throw new Error(`missing --${name}`);
  return value;
}

export function optionalArgument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
