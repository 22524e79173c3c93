import { Link } from '../routing/Link.js';

/**
 * Shown instead of the editor when the server quarantined the document (`quarantined` from the
 * API, or close code 4423): its stored data could not be read, and is kept untouched.
 */
export function DocumentQuarantinedNotice({ documentId }: { documentId: string }) {
  return (
    <div role="alert" className="notice notice--error" data-testid="document-quarantined">
      <p>
        <strong>Ce document ne peut pas être ouvert : ses données enregistrées sont illisibles.</strong>
      </p>
      <p>
        Le serveur l’a mis en quarantaine pour que rien ne les écrase : elles sont conservées telles quelles.
        Contactez l’administrateur de Canevas et donnez-lui l’identifiant du document : <code>{documentId}</code>.
      </p>
      <p>
        <Link href="/">Retour à la liste des documents</Link>
      </p>
    </div>
  );
}
