import { useEffect, useId, useState, type FormEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { Link } from '../routing/Link.js';
import { PageHeading } from '../ui/PageHeading.js';

const PASSWORD_MIN_LENGTH = 10;

/** « Mot de passe oublié » : asks for the address; the answer never says whether it has an account. */
export function ForgotPasswordPage() {
  const id = useId();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Mot de passe oublié — Canevas';
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (state === 'busy') return;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError('Saisissez une adresse e-mail valide.');
      return;
    }
    setError(null);
    setState('busy');
    try {
      await trpc.auth.requestPasswordReset.mutate({ email: email.trim() });
      setState('sent');
    } catch (failure) {
      setError(apiErrorMessage(failure));
      setState('idle');
    }
  }

  return (
    <main id="contenu" className="page page--narrow">
      <PageHeading>Mot de passe oublié</PageHeading>
      {state === 'sent' ? (
        <p role="status" className="notice">
          Si un compte existe pour {email.trim()}, un e-mail vient de lui être envoyé avec un lien valable une heure.
        </p>
      ) : (
        <form className="account-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-email`}>Adresse e-mail</label>
            <input id={`${id}-email`} className="input" type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={state === 'busy'}>
            {state === 'busy' ? 'Envoi…' : 'Recevoir un lien'}
          </button>
        </form>
      )}
      <p>
        <Link href="/">Retour à la connexion</Link>
      </p>
    </main>
  );
}

/** The page the e-mail's link opens: the token is in the fragment, which no server ever sees. */
export function ResetPasswordPage() {
  const id = useId();
  // Read once, then removed from the address bar and the history.
  const [token] = useState(() => window.location.hash.slice(1));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Nouveau mot de passe — Canevas';
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (state === 'busy') return;
    if (password.length < PASSWORD_MIN_LENGTH) return setError(`Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`);
    if (password !== confirm) return setError('Les deux mots de passe ne sont pas identiques.');
    setError(null);
    setState('busy');
    try {
      await trpc.auth.resetPassword.mutate({ token, password });
      setState('done');
    } catch (failure) {
      setError(apiErrorMessage(failure));
      setState('idle');
    }
  }

  return (
    <main id="contenu" className="page page--narrow">
      <PageHeading>Nouveau mot de passe</PageHeading>
      {!token ? (
        <p role="alert" className="notice notice--error">
          Ce lien est incomplet. Ouvrez le lien de l’e-mail tel quel, ou <Link href="/mot-de-passe/oublie">demandez-en un nouveau</Link>.
        </p>
      ) : state === 'done' ? (
        <p role="status" className="notice">
          Votre mot de passe est changé, et vos autres sessions sont fermées. <Link href="/">Se connecter</Link>
        </p>
      ) : (
        <form className="account-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-password`}>Nouveau mot de passe</label>
            <input
              id={`${id}-password`}
              className="input"
              type="password"
              autoComplete="new-password"
              aria-describedby={`${id}-hint`}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <p id={`${id}-hint`} className="field-hint">
              Au moins {PASSWORD_MIN_LENGTH} caractères.
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-confirm`}>Confirmez le mot de passe</label>
            <input id={`${id}-confirm`} className="input" type="password" autoComplete="new-password" value={confirm} onChange={(event) => setConfirm(event.target.value)} />
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={state === 'busy'}>
            {state === 'busy' ? 'Enregistrement…' : 'Enregistrer le mot de passe'}
          </button>
        </form>
      )}
    </main>
  );
}
