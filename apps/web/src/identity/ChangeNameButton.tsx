import { useState } from 'react';
import { NameDialog } from './NameDialog.js';
import type { UserIdentity } from './userIdentity.js';

export function ChangeNameButton({ identity, onChange }: { identity: UserIdentity; onChange: (name: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="identity">
      <p className="identity__text">
        Vous apparaissez sous le nom <strong>{identity.name}</strong>.
      </p>
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        Changer de nom
      </button>
      {open && (
        <NameDialog
          initialName={identity.name}
          cancelLabel="Annuler"
          onSubmit={async (name) => {
            await onChange(name);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}
