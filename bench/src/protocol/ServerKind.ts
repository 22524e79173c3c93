/** The servers compared side by side: Canevas on each of its stores, and two peers. */
export type ServerKind = 'canevas' | 'canevas-postgres' | 'hocuspocus' | 'ywebsocket';

export const SERVER_KINDS: readonly ServerKind[] = ['canevas', 'canevas-postgres', 'hocuspocus', 'ywebsocket'];

export const PEER_KINDS: readonly ServerKind[] = ['hocuspocus', 'ywebsocket'];

export const SERVER_LABELS: Record<ServerKind, string> = {
  canevas: 'Canevas + SQLite (embedded default)',
  'canevas-postgres': 'Canevas + PostgreSQL',
  hocuspocus: '@hocuspocus/server 4.7 + SQLite',
  ywebsocket: '@y/websocket-server 0.1.1 + y-leveldb',
};

/** Canevas, whatever its store: the same process, API and credentials. */
export function isCanevas(kind: ServerKind): boolean {
  return kind === 'canevas' || kind === 'canevas-postgres';
}

/** A running server as the load generator sees it. */
export interface ServerTarget {
  kind: ServerKind;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Canevas with accounts: how the bench authenticates. */
  credentials?: { token: string; session: string };
  /**
   * The PostgreSQL cluster the server stores into (canevas-postgres): its process tree's CPU and
   * writes are the server's too, and its statistics say what it wrote.
   */
  postgres?: { postmasterPid: number; url: string };
}
