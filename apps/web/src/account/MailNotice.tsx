import { useSession } from './SessionContext.js';

/** Tells administrators when mail does not go out, rather than letting it fail silently. */
export function MailNotice() {
  const { session } = useSession();
  if (session.status !== 'ready' || !session.user?.isAdmin || !session.mail) return null;
  const { enabled, failing } = session.mail;
  if (!enabled) {
    return (
      <p className="notice app-notice">
        Cette instance n’envoie aucun e-mail : <code>SMTP_URL</code> n’est pas configuré. Les réinitialisations de mot de passe et les invitations par e-mail
        ne partent pas ; partagez des liens d’invitation.
      </p>
    );
  }
  if (failing > 0) {
    return (
      <p className="notice app-notice">
        {failing === 1 ? 'Un e-mail attend' : `${failing} e-mails attendent`} : le serveur SMTP les a refusés ou ne répond pas. Canevas réessaie ; voyez le journal du serveur
        (<code>mail.send_failed</code>).
      </p>
    );
  }
  return null;
}
