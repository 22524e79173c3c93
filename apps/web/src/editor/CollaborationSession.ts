import type { SyncTarget } from '@canevas/core';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { LiveAssessments } from '../assessments/LiveAssessments.js';
import { LiveThreads } from '../comments/LiveThreads.js';
import { LiveEvidence } from '../evidence/LiveEvidence.js';
import type { ConnectionState } from './connectionStatus.js';
import { PersistedAckTracker } from './PersistedAckTracker.js';
import { listenToStorageStatus } from './storageStatus.js';


/**
 * One open document: its Y.Doc, the y-websocket provider that syncs it with the server, and the
 * connection state the page shows. The client never writes content on its own: the document's
 * initial content comes from the server.
 */
export class CollaborationSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Written only by the server (tRPC procedures); null when the server offers no review room. */
  readonly reviewDoc: Y.Doc | null;
  readonly reviewProvider: WebsocketProvider | null;
  /** The evidence links, resolved against the content; null without a review room. */
  readonly evidence: LiveEvidence | null;
  /** The comment threads, resolved against the content; null without a review room. */
  readonly threads: LiveThreads | null;
  /** The tutor's assessments; null without a review room. */
  readonly assessments: LiveAssessments | null;
  private readonly acks: PersistedAckTracker;
  private readonly listeners = new Set<() => void>();
  private state: ConnectionState = {
    socket: 'connecting',
    synced: false,
    everSynced: false,
    unsynced: false,
    closed: null,
    storage: null,
  };

  constructor(target: SyncTarget) {
    this.acks = new PersistedAckTracker(this.doc);
    this.provider = new WebsocketProvider(target.url, target.room, this.doc, {
      params: { ...target.params, ack: '1' },
      connect: false,
    });
    // The handler must be in place before the first message can arrive.
    this.acks.attach(this.provider);
    listenToStorageStatus(this.provider, (storage) => this.update({ storage }));
    this.acks.subscribe(() => this.update({ unsynced: this.acks.unsynced }));
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.update({ socket: 'connected' });
      else if (status === 'disconnected') this.update({ socket: 'offline', synced: false, storage: null });
    });
    // Disconnected, we know nothing of the server's store: a reconnect hears it again at once.
    this.provider.on('connection-close', () => this.update({ socket: 'offline', synced: false, storage: null }));
    this.provider.on('sync', (synced) => {
      this.update(synced ? { synced, everSynced: true, unsynced: this.acks.unsynced } : { synced });
    });
    this.provider.on('closed', ({ code, reason }) => {
      // y-websocket already stops retrying on 44xx; disconnect also leaves the BroadcastChannel.
      this.provider.disconnect();
      this.update({ closed: { code, reason } });
    });
    this.provider.connect();

    if (target.review) {
      this.reviewDoc = new Y.Doc();
      this.reviewProvider = new WebsocketProvider(target.url, target.review.room, this.reviewDoc, {
        params: target.review.params,
      });
      // Presence belongs to the content room; nothing to announce in the review room.
      this.reviewProvider.awareness.setLocalState(null);
      const reviewProvider = this.reviewProvider;
      const evidence = new LiveEvidence(this.doc, this.reviewDoc);
      const threads = new LiveThreads(this.doc, this.reviewDoc);
      const assessments = new LiveAssessments(this.reviewDoc);
      reviewProvider.on('sync', (synced) => {
        if (!synced) return;
        evidence.setLoaded();
        threads.setLoaded();
        assessments.setLoaded();
      });
      // Back online: a re-anchoring refused while offline (see LiveEvidence.setReanchor) is retried.
      this.provider.on('sync', (synced) => {
        if (synced) evidence.resolve();
      });
      // The content provider reports a deleted document; this one just stops.
      reviewProvider.on('closed', () => reviewProvider.disconnect());
      this.evidence = evidence;
      this.threads = threads;
      this.assessments = assessments;
    } else {
      this.reviewDoc = null;
      this.reviewProvider = null;
      this.evidence = null;
      this.threads = null;
      this.assessments = null;
    }
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  destroy(): void {
    this.listeners.clear();
    this.acks.destroy();
    this.evidence?.destroy();
    this.threads?.destroy();
    this.assessments?.destroy();
    this.provider.destroy();
    this.reviewProvider?.destroy();
    this.doc.destroy();
    this.reviewDoc?.destroy();
  }

  private update(patch: Partial<ConnectionState>): void {
    const next = { ...this.state, ...patch };
    const changed = (Object.keys(patch) as (keyof ConnectionState)[]).some((key) => next[key] !== this.state[key]);
    if (!changed) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
