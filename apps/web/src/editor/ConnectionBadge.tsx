import { STATUS_LABELS, type ConnectionStatus } from './connectionStatus.js';
import { storageFaultMessage, type StorageFault } from './storageStatus.js';

interface ConnectionBadgeProps {
  status: ConnectionStatus;
  /** Raw, not debounced: exposed as data-unsynced for tests and tooling. */
  unsynced: boolean;
  /** The server cannot store edits for now (disk full, database locked or read-only). */
  storage: StorageFault | null;
}

/** Polite live region: screen readers hear each change without being interrupted. */
export function ConnectionBadge({ status, unsynced, storage }: ConnectionBadgeProps) {
  return (
    <div role="status" className="connection" data-status={status} data-unsynced={unsynced} data-storage={storage?.kind ?? 'ok'}>
      <span className={`connection__badge connection__badge--${status}`}>
        <span className="connection__dot" aria-hidden="true" />
        {STATUS_LABELS[status]}
      </span>
      {status === 'offline' && unsynced && (
        <span className="connection__note">Vos dernières modifications seront envoyées au retour de la connexion.</span>
      )}
      {storage && status !== 'offline' && <span className="connection__note">{storageFaultMessage(storage)}</span>}
    </div>
  );
}
