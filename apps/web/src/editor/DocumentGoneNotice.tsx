import { Link } from '../routing/Link.js';

/** Shown when the server says the document does not exist (4404) or was deleted (4410). */
export function DocumentGoneNotice() {
  return (
    <div role="alert" className="notice notice--error">
      <p>Ce document n’existe pas ou a été supprimé.</p>
      <p>
        <Link href="/">Retour à la liste des documents</Link>
      </p>
    </div>
  );
}
