import type { Ref } from 'react';
import type { ManifestState } from '../referentials/referentialManifests.js';
import { sectionCountLabel } from '../referentials/referentialLabels.js';
import { RadioCardGroup } from '../ui/RadioCardGroup.js';

interface TemplateChoiceProps {
  manifest: ManifestState;
  value: string | null;
  onChange: (templateId: string) => void;
  invalid: boolean;
  describedBy: string | undefined;
  focusRef: Ref<HTMLInputElement>;
}

export function TemplateChoice({ manifest, value, onChange, invalid, describedBy, focusRef }: TemplateChoiceProps) {
  const templates = manifest.status === 'ready' ? manifest.manifest.templates : [];
  return (
    <RadioCardGroup
      legend="Modèle"
      name="template"
      options={templates.map((template) => ({
        value: template.id,
        label: template.title,
        details: (
          <>
            {sectionCountLabel(template.sections.length)}
            {template.description ? ` — ${template.description}` : ''}
          </>
        ),
      }))}
      value={value}
      onChange={onChange}
      invalid={invalid}
      describedBy={describedBy}
      focusRef={focusRef}
    >
      {manifest.status === 'loading' && (
        <p role="status" className="muted">
          Chargement des modèles…
        </p>
      )}
      {manifest.status === 'error' && (
        <div role="alert" className="notice notice--error">
          <p>Les modèles n’ont pas pu être chargés : {manifest.message}</p>
          <button type="button" className="button" onClick={manifest.retry}>
            Recharger les modèles
          </button>
        </div>
      )}
      {manifest.status === 'ready' && templates.length === 0 && (
        <p className="muted">Ce référentiel ne propose aucun modèle : le document sera vierge.</p>
      )}
    </RadioCardGroup>
  );
}
