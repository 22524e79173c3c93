import type { CriterionStatus } from '@canevas/core';

const STATUS: Record<CriterionStatus, { icon: string; label: string; className: string }> = {
  absent: { icon: '○', label: 'Absent', className: 'absent' },
  partiel: { icon: '◐', label: 'Partiel', className: 'partiel' },
  couvert: { icon: '●', label: 'Couvert', className: 'couvert' },
  évalué: { icon: '✓', label: 'Évalué', className: 'evalue' },
};

export function statusLabel(status: CriterionStatus): string {
  return STATUS[status].label;
}

/** A status in words with an icon beside it: never conveyed by colour alone. */
export function StatusBadge({ status }: { status: CriterionStatus }) {
  const { icon, label, className } = STATUS[status];
  return (
    <span className={`status-badge status-badge--${className}`}>
      <span className="status-badge__icon" aria-hidden="true">
        {icon}
      </span>
      {label}
    </span>
  );
}
