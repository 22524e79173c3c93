import type { ProseMirrorJSON } from '@canevas/core';
import type { ReferentialCatalog } from '../plugins/ReferentialCatalog.js';
import type { EvidenceService } from '../review/EvidenceService.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { SyncEngine } from '../sync/SyncEngine.js';

/** Returns the initial content of a template, or undefined when the pair is unknown. */
export type TemplateResolver = (referentialId: string, templateId: string) => ProseMirrorJSON | undefined;

/** What the procedures need from the server, gathered so tests and later issues can extend it. */
export interface ApiServices {
  store: DocumentStore;
  engine: SyncEngine;
  version: string;
  /** Overrides the Host-derived sync URL (e.g. https://canevas.example.org behind a proxy). */
  publicUrl: string | undefined;
  resolveTemplate: TemplateResolver | undefined;
  /** When given, an unknown referential id is refused at creation. */
  hasReferential: ((referentialId: string) => boolean) | undefined;
  /** The referentials loaded at start (empty when the server was given none). */
  referentials: ReferentialCatalog;
  evidence: EvidenceService;
}
