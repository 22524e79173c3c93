import type { StakeholderSummary } from '@canevas/core';
import { fitToWidth, LABEL_FONT } from './barScale.js';
import { ChartFigure } from './ChartFigure.js';

const COLUMN = 130;
const GAP = 8;
const HEADER = 40;
const CHIP = 24;

export function stakeholderSummaryText(map: StakeholderSummary): string {
  const counts = map.levels.map((group) => `${group.level.toLowerCase()} : ${group.stakeholders.length}`).join(', ');
  const missing = map.missing.length + map.invalid.length;
  const tail = missing === 0 ? '' : ` ${missing} ${missing === 1 ? 'acteur n’a pas' : 'acteurs n’ont pas'} de niveau d’implication valide.`;
  return `${map.all.length} ${map.all.length <= 1 ? 'partie prenante' : 'parties prenantes'} par niveau d’implication — ${counts}.${tail}`;
}

/** Stakeholders in columns from absent to actif; the column says the level, not the colour. */
export function StakeholderMapChart({ map }: { map: StakeholderSummary }) {
  const columns = [...map.levels.map((group) => ({ title: group.level, names: group.stakeholders.map((s) => s.name || 'Sans nom'), level: true }))];
  const unqualified = [...map.missing, ...map.invalid];
  if (unqualified.length > 0) columns.push({ title: 'Non qualifié', names: unqualified.map((s) => s.name || 'Sans nom'), level: false });
  const tallest = Math.max(1, ...columns.map((column) => column.names.length));
  const width = columns.length * (COLUMN + GAP);
  const height = HEADER + tallest * CHIP + 8;
  return (
    <ChartFigure
      title="Cartographie par niveau d’implication"
      summary={stakeholderSummaryText(map)}
      width={width}
      height={height}
      data={
        <table className="chart__table">
          <thead>
            <tr>
              <th scope="col">Niveau d’implication</th>
              <th scope="col">Acteurs</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.title}>
                <th scope="row">{column.title}</th>
                <td>{column.names.length === 0 ? 'aucun' : column.names.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {columns.map((column, index) => {
        const x = index * (COLUMN + GAP);
        return (
          <g key={column.title} transform={`translate(${x} 0)`}>
            <rect x={0} y={0} width={COLUMN} height={height} className={`chart__column chart__column--${column.level ? index : 'none'}`} />
            <text x={COLUMN / 2} y={18} textAnchor="middle" className="chart__heading">
              {column.title}
            </text>
            <text x={COLUMN / 2} y={33} textAnchor="middle" className="chart__tick">
              {column.names.length} {column.names.length <= 1 ? 'acteur' : 'acteurs'}
            </text>
            {column.names.map((name, row) => (
              <g key={`${name}-${row}`} transform={`translate(6 ${HEADER + row * CHIP})`}>
                <rect width={COLUMN - 12} height={CHIP - 4} rx={4} className={column.level ? 'chart__chip' : 'chart__chip chart__chip--missing'} />
                <text x={6} y={14} className="chart__label">
                  {fitToWidth(name, COLUMN - 12 - 12, LABEL_FONT)}
                </text>
              </g>
            ))}
          </g>
        );
      })}
    </ChartFigure>
  );
}
