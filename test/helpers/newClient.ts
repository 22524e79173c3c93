import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { defaultTokenFor } from './testAccounts.js';
import { waitFor } from './waitFor.js';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  /** Resolves with the close event once the server closed the connection for good (4400–4499). */
  closed: Promise<{ code: number; reason: string }>;
  text(): string;
  destroy(): void;
}

/**
 * The stock y-websocket client, as the web app uses it; `disableBc` because a Node 20 process has
 * a global BroadcastChannel through which clients would otherwise sync without the server.
 */
export function newClient(
  syncUrl: string,
  docId: string,
  options: { params?: Record<string, string>; doc?: Y.Doc; token?: string | null } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const token = options.token === undefined ? defaultTokenFor(syncUrl.replace(/^ws/, 'http')) : options.token;
  const provider = new WebsocketProvider(syncUrl, docId, doc, {
    disableBc: true,
    params: options.params ?? {},
    WebSocketPolyfill: webSocketWithToken(options.params?.ticket ? null : token ?? null),
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (state: boolean) => state && resolve());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => provider.once('closed', resolve));
  return {
    doc,
    provider,
    synced,
    closed,
    text: () => doc.getText('text').toString(),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until every client's text equals `expected`. */
export async function waitForText(clients: TestClient[], expected: string): Promise<void> {
  await waitFor(() => clients.every((client) => client.text() === expected), {
    message: () => `texts: ${JSON.stringify(clients.map((client) => client.text()))}, expected ${JSON.stringify(expected)}`,
  });
}

/**
 * Scripts authenticate a socket with a ticket in the URL or an API token header; the stock
 * provider takes a WebSocket class, so the header is added by a subclass.
 */
export function webSocketWithToken(token: string | null): typeof globalThis.WebSocket {
  if (!token) return WebSocket as unknown as typeof globalThis.WebSocket;
  class AuthorizedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${token}` } });
    }
  }
  return AuthorizedWebSocket as unknown as typeof globalThis.WebSocket;
}
