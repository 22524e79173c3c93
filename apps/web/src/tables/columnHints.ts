import type { TypedTableColumn } from '@canevas/core';

/** What a column expects, said in the header and in the cell helper. */
export function columnHint(column: Pick<TypedTableColumn, 'type' | 'enum'>): string | undefined {
  switch (column.type) {
    case 'eur':
      return 'montant, par exemple 1 234,56 €';
    case 'number':
      return 'nombre, par exemple 1 234,5';
    case 'percent':
      return 'pourcentage, par exemple 12,5 %';
    case 'date':
      return 'date jj/mm/aaaa, par exemple 15/06/2026';
    case 'enum':
      return column.enum && column.enum.length > 0 ? `une valeur parmi : ${column.enum.join(', ')}` : undefined;
    default:
      return undefined;
  }
}

/** Short unit shown in the header (« Montant (€) »). */
export function columnUnit(column: Pick<TypedTableColumn, 'type'>): string | undefined {
  switch (column.type) {
    case 'eur':
      return '€';
    case 'percent':
      return '%';
    case 'date':
      return 'jj/mm/aaaa';
    default:
      return undefined;
  }
}

export const TABLE_KIND_LABELS: Record<string, string> = {
  budget: 'Budget',
  action_plan: 'Plan d’actions',
  stakeholders: 'Cartographie des parties prenantes',
  indicators: 'Indicateurs',
  custom: 'Tableau',
};
