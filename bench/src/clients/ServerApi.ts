import { MAX_BATCH_CALLS } from '@canevas/core';
import { newDocumentId, type AppRouter } from '@canevas/sync-server';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { isCanevas, type ServerTarget } from '../protocol/ServerKind.js';

/**
 * What differs between the servers before the first frame: Canevas creates documents on the
 * server (tRPC `documents.create`) and hands out where to sync them (`documents.syncTarget`);
 * the peers create a document on first connection, by name.
 */
export class ServerApi {
  private readonly trpc;

  constructor(readonly target: ServerTarget) {
    this.trpc =
      isCanevas(target.kind)
        ? createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${target.url}/trpc`, maxItems: MAX_BATCH_CALLS, headers: () => this.headers })] })
        : undefined;
  }

  /** Authorization for Canevas with accounts (tRPC calls; sync upgrades carry a ticket from syncTarget). */
  get headers(): Record<string, string> {
    return this.target.credentials ? { authorization: `Bearer ${this.target.credentials.token}` } : {};
  }

  get kind() {
    return this.target.kind;
  }

  async createDocument(title: string): Promise<string> {
    if (this.trpc) return (await this.trpc.documents.create.mutate({ title })).id;
    return newDocumentId();
  }

  async createDocuments(count: number, title: string): Promise<string[]> {
    const names: string[] = [];
    for (let start = 0; start < count; start += 50) {
      const batch = Array.from({ length: Math.min(50, count - start) }, (_, i) => this.createDocument(`${title} ${start + i + 1}`));
      names.push(...(await Promise.all(batch)));
    }
    return names;
  }

  /** The WebSocket URL of one connection to a document. */
  async socketUrl(docName: string): Promise<string> {
    if (this.trpc) {
      // Contract 2: `new WebsocketProvider(url, room, doc, { params })` connects to url/room?params.
      const { url, room, params } = await this.trpc.documents.syncTarget.query({ id: docName });
      const query = new URLSearchParams(params).toString();
      return `${url}/${encodeURIComponent(room)}${query ? `?${query}` : ''}`;
    }
    const base = this.target.url.replace(/^http/, 'ws');
    return this.target.kind === 'hocuspocus' ? base : `${base}/${encodeURIComponent(docName)}`;
  }
}
