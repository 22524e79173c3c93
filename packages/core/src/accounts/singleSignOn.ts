/**
 * Single sign-on (OpenID Connect) as both apps see it: the routes the server answers and the
 * reasons a sign-in can fail. The server redirects to the web app with `?connexion=<reason>`; the
 * web app shows the French message. Only the reason crosses the URL, never what the provider said,
 * so no token and no provider detail can reach the page or the browser history.
 */
export const SSO_LOGIN_PATH = '/auth/oidc/login';
export const SSO_CALLBACK_PATH = '/auth/oidc/callback';
export const SSO_LOGGED_OUT_PATH = '/auth/oidc/logged-out';
/** The query parameter of the web app's address that carries a {@link SingleSignOnFailure}. */
export const SSO_FAILURE_PARAM = 'connexion';

export const SINGLE_SIGN_ON_FAILURES = {
  expired: 'La connexion a expiré ou a été interrompue. Recommencez depuis la page de connexion.',
  refused: 'La connexion a été annulée ou refusée par le fournisseur d’identité.',
  provider: 'Le fournisseur d’identité a renvoyé une réponse invalide. Réessayez ; si le problème persiste, prévenez l’administrateur de Canevas.',
  unavailable: 'Le fournisseur d’identité ne répond pas. Réessayez dans quelques minutes.',
  email_missing: 'Le fournisseur d’identité n’a pas transmis d’adresse e-mail vérifiée : Canevas ne peut pas vous associer à un compte.',
  no_account: 'Aucun compte Canevas n’est associé à votre adresse e-mail, et votre domaine n’est pas autorisé à en créer un. Demandez une invitation à la personne qui gère votre espace de travail.',
  acr: 'Le niveau d’authentification obtenu est insuffisant pour Canevas.',
  taken: 'Votre adresse e-mail est déjà associée à une autre identité de ce fournisseur. Prévenez l’administrateur de Canevas.',
} as const;

export type SingleSignOnFailure = keyof typeof SINGLE_SIGN_ON_FAILURES;

/** The French message of a reason read from the URL; undefined for anything else. */
export function singleSignOnFailureMessage(reason: string | null | undefined): string | undefined {
  return reason && Object.hasOwn(SINGLE_SIGN_ON_FAILURES, reason) ? SINGLE_SIGN_ON_FAILURES[reason as SingleSignOnFailure] : undefined;
}
