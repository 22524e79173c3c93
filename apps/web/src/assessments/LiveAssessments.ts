import { assessmentsMap, readAssessments, type StoredAssessment } from '@canevas/core';
import type * as Y from 'yjs';

export interface AssessmentsSnapshot {
  /** False until the review doc has synced once. */
  loaded: boolean;
  /** One per assessed node, with its history. */
  assessments: readonly StoredAssessment[];
}

/** The tutor's assessments of one document, live from the server-owned review doc. */
export class LiveAssessments {
  private snapshot: AssessmentsSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly onChange = () => this.publish({ ...this.snapshot, assessments: readAssessments(this.reviewDoc) });

  constructor(private readonly reviewDoc: Y.Doc) {
    this.snapshot = { loaded: false, assessments: readAssessments(reviewDoc) };
    assessmentsMap(reviewDoc).observe(this.onChange);
  }

  getSnapshot = (): AssessmentsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  setLoaded(): void {
    if (this.snapshot.loaded) return;
    this.publish({ ...this.snapshot, loaded: true });
  }

  destroy(): void {
    this.listeners.clear();
    assessmentsMap(this.reviewDoc).unobserve(this.onChange);
  }

  private publish(next: AssessmentsSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
