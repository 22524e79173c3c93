import { statusWording, type CriterionReport, type CriterionStatus } from '@canevas/core';

/**
 * A status in words with an icon beside it: never conveyed by colour alone. With the criterion's
 * report it says whether an assessment reached the required level (the core's wording, which the
 * exported annex uses too).
 */
export function StatusBadge({ status, criterion }: { status: CriterionStatus; criterion?: Pick<CriterionReport, 'assessment' | 'gaps'> }) {
  const { icon, label, tone } = statusWording(status, criterion);
  return (
    <span className={`status-badge status-badge--${tone}`}>
      <span className="status-badge__icon" aria-hidden="true">
        {icon}
      </span>
      {label}
    </span>
  );
}
