import type { ComputedRow } from '@canevas/core';

/** The computed lines under a table: labelled, with a warning sign, not colour alone. */
export function ComputedRowsList({ rows }: { rows: ComputedRow[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="typed-table__computed">
      <caption className="visually-hidden">Calculs du tableau (mis à jour en direct, non enregistrés dans le document)</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-computed={row.id} className={row.tone === 'warning' ? 'typed-table__computed--warning' : undefined}>
            <th scope="row">{row.label}</th>
            <td>
              {row.tone === 'warning' && <span aria-hidden="true">⚠ </span>}
              {row.value}
              {row.tone === 'warning' && <span className="visually-hidden"> (à vérifier)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
