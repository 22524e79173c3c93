/** The three servers compared side by side. */
export type ServerKind = 'canevas' | 'hocuspocus' | 'ywebsocket';

export const SERVER_KINDS: readonly ServerKind[] = ['canevas', 'hocuspocus', 'ywebsocket'];

export const PEER_KINDS: readonly ServerKind[] = ['hocuspocus', 'ywebsocket'];

export const SERVER_LABELS: Record<ServerKind, string> = {
  canevas: 'Canevas',
  hocuspocus: '@hocuspocus/server 4.7 + SQLite',
  ywebsocket: '@y/websocket-server 0.1.1 + y-leveldb',
};

/** A running server as the load generator sees it. */
export interface ServerTarget {
  kind: ServerKind;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Canevas with accounts: how the bench authenticates. */
  credentials?: { token: string; session: string };
}
