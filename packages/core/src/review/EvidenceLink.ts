import type { Anchor } from '../anchors/Anchor.js';

/** `detached` (« détaché ») when the anchored passage was deleted: kept, never dropped. */
export type EvidenceStatus = 'attached' | 'detached';

/** A passage linked to a referential node as evidence. */
export interface EvidenceLink {
  id: string;
  nodeId: string;
  anchor: Anchor;
  status: EvidenceStatus;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
}
