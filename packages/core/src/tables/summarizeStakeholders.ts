import { INVOLVEMENT_LEVELS } from '../referential/tablePresets.js';
import { matchEnum } from './readCell.js';
import { cellOf, columnOf, textOf } from './columnOf.js';
import type { TypedTableData } from './TableModel.js';

export interface Stakeholder {
  row: number;
  name: string;
  type: string;
  /** The canonical level, or null when blank or not one of the levels. */
  level: string | null;
  /** The level as typed. */
  levelText: string;
}

export interface StakeholderSummary {
  /** Every level from absent to actif, with its stakeholders (possibly none). */
  levels: { level: string; stakeholders: Stakeholder[] }[];
  /** Stakeholders without a level. */
  missing: Stakeholder[];
  /** Stakeholders whose level is not one of the levels. */
  invalid: Stakeholder[];
  all: Stakeholder[];
}

/** The stakeholder map by involvement level, in the column's order (absent → actif). */
export function summarizeStakeholders(table: TypedTableData): StakeholderSummary {
  const { columns } = table;
  const nameColumn = columnOf(columns, 'acteur') ?? columns[0]?.id;
  const typeColumn = columnOf(columns, 'type');
  const levelColumn = columnOf(columns, 'implication', (c) => c.enum?.some((v) => matchEnum(v, INVOLVEMENT_LEVELS)) ?? false);
  const options = columns.find((c) => c.id === levelColumn)?.enum ?? INVOLVEMENT_LEVELS;

  const levels = options.map((level) => ({ level, stakeholders: [] as Stakeholder[] }));
  const missing: Stakeholder[] = [];
  const invalid: Stakeholder[] = [];
  const all: Stakeholder[] = [];
  for (const row of table.rows) {
    if (row.empty) continue;
    const cell = cellOf(row, levelColumn);
    const levelText = textOf(row, levelColumn);
    const level = typeof cell?.value === 'string' ? cell.value : null;
    const stakeholder: Stakeholder = {
      row: row.index,
      name: textOf(row, nameColumn) || textOf(row, typeColumn),
      type: textOf(row, typeColumn),
      level,
      levelText,
    };
    all.push(stakeholder);
    if (levelText === '') missing.push(stakeholder);
    else if (level === null) invalid.push(stakeholder);
    else levels.find((group) => group.level === level)?.stakeholders.push(stakeholder);
  }
  return { levels, missing, invalid, all };
}
