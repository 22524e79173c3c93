import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { apiErrorMessage } from '../api/apiError.js';

export interface AccountFormValues {
  email: string;
  password: string;
  name: string;
}

interface AccountFormProps {
  /** `signUp` also asks for a name and a confirmation of the password. */
  mode: 'logIn' | 'signUp';
  submitLabel: string;
  busyLabel: string;
  onSubmit: (values: AccountFormValues) => Promise<void>;
  children?: ReactNode;
}

const PASSWORD_MIN_LENGTH = 10;

/** Email and password (and name for a new account), with errors tied to their fields. */
export function AccountForm({ mode, submitLabel, busyLabel, onSubmit, children }: AccountFormProps) {
  const [values, setValues] = useState<AccountFormValues & { confirm: string }>({ email: '', password: '', name: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  function problem(): string | null {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) return 'Saisissez une adresse e-mail valide.';
    if (values.password === '') return 'Saisissez le mot de passe.';
    if (mode === 'signUp') {
      if (values.password.length < PASSWORD_MIN_LENGTH) return `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`;
      if (values.password !== values.confirm) return 'Les deux mots de passe ne sont pas identiques.';
    }
    return null;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const found = problem();
    setError(found);
    if (found) return;
    setBusy(true);
    try {
      await onSubmit({ email: values.email.trim(), password: values.password, name: values.name.trim() });
    } catch (failure) {
      setError(apiErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof values, label: string, type: string, autoComplete: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        className="input"
        type={type}
        autoComplete={autoComplete}
        value={values[key]}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
      />
      {hint && (
        <p id={`${id}-${key}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <form className="account-form" onSubmit={handleSubmit} noValidate>
      {mode === 'signUp' && field('name', 'Votre nom', 'text', 'name', 'Affiché aux autres membres et à côté de votre curseur.')}
      {field('email', 'Adresse e-mail', 'email', 'email')}
      {field('password', 'Mot de passe', 'password', mode === 'signUp' ? 'new-password' : 'current-password', mode === 'signUp' ? `Au moins ${PASSWORD_MIN_LENGTH} caractères.` : undefined)}
      {mode === 'signUp' && field('confirm', 'Confirmez le mot de passe', 'password', 'new-password')}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      {children}
    </form>
  );
}
