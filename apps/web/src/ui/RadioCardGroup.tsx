import { useId, type ReactNode, type Ref } from 'react';
import './radioCardGroup.css';

export interface RadioCardOption {
  value: string;
  label: string;
  /** Read after the label (aria-describedby), shown smaller. */
  details?: ReactNode;
}

interface RadioCardGroupProps {
  legend: string;
  name: string;
  options: RadioCardOption[];
  value: string | null;
  onChange: (value: string) => void;
  /** Loading, error or empty states, shown under the options. */
  children?: ReactNode;
  invalid?: boolean;
  describedBy?: string;
  /** The first radio (or the checked one), to focus the group after an error. */
  focusRef?: Ref<HTMLInputElement>;
}

/**
 * Native radios in a fieldset: Tab enters the group on the checked option, arrow keys move and
 * choose, the legend names the group. Each option is a card, named by its label alone (the details
 * are its description), and clickable all over.
 */
export function RadioCardGroup({ legend, name, options, value, onChange, children, invalid, describedBy, focusRef }: RadioCardGroupProps) {
  const baseId = useId();
  const focusIndex = Math.max(0, options.findIndex((option) => option.value === value));
  return (
    <fieldset className="radio-cards" aria-invalid={invalid || undefined} aria-describedby={describedBy}>
      <legend className="radio-cards__legend">{legend}</legend>
      {options.length > 0 && (
        <div className="radio-cards__options">
          {options.map((option, index) => {
            const id = `${baseId}-${index}`;
            return (
              <div key={option.value} className="radio-card">
                <input
                  ref={index === focusIndex ? focusRef : undefined}
                  id={id}
                  type="radio"
                  name={name}
                  value={option.value}
                  checked={option.value === value}
                  aria-describedby={option.details ? `${id}-details` : undefined}
                  onChange={() => onChange(option.value)}
                />
                <span className="radio-card__text">
                  {/* The label names the radio; its ::after stretches over the card so all of it is clickable. */}
                  <label className="radio-card__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.details && (
                    <span id={`${id}-details`} className="radio-card__details">
                      {option.details}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      )}
      {children}
    </fieldset>
  );
}
