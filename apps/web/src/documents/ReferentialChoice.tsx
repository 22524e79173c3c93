import { referentialKindLabel } from '../referentials/referentialLabels.js';
import type { ReferentialListState } from '../referentials/useReferentialList.js';
import { RadioCardGroup, type RadioCardOption } from '../ui/RadioCardGroup.js';

const FREE_DOCUMENT = '';

interface ReferentialChoiceProps {
  state: ReferentialListState;
  /** null: « Document libre ». */
  value: string | null;
  onChange: (referentialId: string | null) => void;
  onRetry: () => void;
}

export function ReferentialChoice({ state, value, onChange, onRetry }: ReferentialChoiceProps) {
  const options: RadioCardOption[] = [
    { value: FREE_DOCUMENT, label: 'Document libre', details: 'Un document vierge, sans référentiel.' },
    ...(state.status === 'ready'
      ? state.referentials.map((referential) => ({
          value: referential.id,
          label: referential.title,
          details: `${referential.shortTitle} · ${referentialKindLabel(referential.kind)} · ${modelCount(referential.templates.length)}`,
        }))
      : []),
  ];
  return (
    <RadioCardGroup
      legend="Référentiel"
      name="referential"
      options={options}
      value={value ?? FREE_DOCUMENT}
      onChange={(next) => onChange(next === FREE_DOCUMENT ? null : next)}
    >
      {state.status === 'loading' && (
        <p role="status" className="muted">
          Chargement des référentiels…
        </p>
      )}
      {state.status === 'error' && (
        // Not an alert: the page already announces an unreachable server; this is read in the form.
        <div className="notice notice--error">
          <p>Les référentiels n’ont pas pu être chargés : {state.message} Vous pouvez créer un document libre.</p>
          <button type="button" className="button" onClick={onRetry}>
            Recharger les référentiels
          </button>
        </div>
      )}
      {state.status === 'ready' && state.referentials.length === 0 && (
        <p className="muted">Aucun référentiel n’est installé sur ce serveur.</p>
      )}
    </RadioCardGroup>
  );
}

function modelCount(count: number): string {
  if (count === 0) return 'aucun modèle';
  return `${count} ${count === 1 ? 'modèle' : 'modèles'}`;
}
