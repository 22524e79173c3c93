import type { ReferentialManifest } from '@canevas/core';
import { useEffect, useState } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';

// A manifest never changes while the server runs: fetch each one once per page load.
const manifests = new Map<string, Promise<ReferentialManifest>>();

/** The full manifest of a referential (validated by the server's registry). */
export function loadManifest(id: string): Promise<ReferentialManifest> {
  let pending = manifests.get(id);
  if (!pending) {
    pending = trpc.referentials.get.query({ id }) as Promise<ReferentialManifest>;
    manifests.set(id, pending);
    // A failure must not stick: « Réessayer » asks the server again.
    pending.catch(() => manifests.delete(id));
  }
  return pending;
}

export type ManifestState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; manifest: ReferentialManifest };

export function useReferentialManifest(id: string | null): ManifestState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ id: string; state: ManifestState } | null>(null);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    loadManifest(id).then(
      (manifest) => {
        if (current) setState({ id, state: { status: 'ready', manifest } });
      },
      (error: unknown) => {
        if (current) {
          const retry = () => {
            setState(null);
            setAttempt((n) => n + 1);
          };
          setState({ id, state: { status: 'error', message: apiErrorMessage(error), retry } });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);

  if (id === null) return { status: 'none' };
  // Until the answer for this very id arrives, whatever is stored belongs to another one.
  if (state?.id !== id) return { status: 'loading' };
  return state.state;
}
