import type { IndicatorItem } from '@canevas/core';
import { barWidth, fitToWidth, LABEL_FONT } from './barScale.js';
import { ChartFigure } from './ChartFigure.js';

const LABEL_WIDTH = 220;
const PLOT = 300;
/** Room for « cible 400 000 €, pas encore mesuré » at the label size. */
const VALUE_WIDTH = 220;
const WIDTH = LABEL_WIDTH + PLOT + 6 + VALUE_WIDTH;
const ROW = 26;
/** Progress beyond 150 % is drawn at 150 %: the text still gives the exact figure. */
const CAP = 1.5;

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

export function progressText(item: IndicatorItem): string {
  if (item.progress === undefined) {
    if (item.targetText === '') return 'pas de cible';
    if (item.actualText === '') return `cible ${item.targetText}, pas encore mesuré`;
    return `${item.actualText} pour une cible de ${item.targetText} (non comparable)`;
  }
  const unit = item.unit === '' ? '' : item.unit === '%' ? ' %' : ` ${item.unit}`;
  return plain(`${number.format(item.actual!.value)} / ${number.format(item.target!.value)}${unit} (${percent.format(item.progress)})`);
}

export function indicatorSummaryText(items: IndicatorItem[]): string {
  const measured = items.filter((item) => item.progress !== undefined);
  const reached = measured.filter((item) => item.progress! >= 1).length;
  return `${items.length} ${items.length <= 1 ? 'indicateur' : 'indicateurs'}, ${measured.length} ${measured.length <= 1 ? 'mesuré' : 'mesurés'} par rapport à sa cible, dont ${reached} ${reached <= 1 ? 'atteint' : 'atteints'}.`;
}

/** Each indicator's réalisé as a share of its cible, with the 100 % line. */
export function IndicatorProgressChart({ items }: { items: IndicatorItem[] }) {
  const height = 24 + items.length * ROW;
  const target = LABEL_WIDTH + PLOT / CAP;
  return (
    <ChartFigure
      title="Avancement des indicateurs"
      summary={indicatorSummaryText(items)}
      width={WIDTH}
      height={height}
      data={
        <table className="chart__table">
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              <th scope="col">Cible</th>
              <th scope="col">Réalisé</th>
              <th scope="col">Avancement</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.row}>
                <th scope="row">{item.name || `Ligne ${item.row + 1}`}</th>
                <td>{item.targetText || '—'}</td>
                <td>{item.actualText || '—'}</td>
                <td>{item.progress === undefined ? '—' : percent.format(item.progress)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <text x={target} y={12} textAnchor="middle" className="chart__tick">
        cible (100 %)
      </text>
      {items.map((item, index) => {
        const y = 20 + index * ROW;
        const reached = item.progress !== undefined && item.progress >= 1;
        const width = item.progress === undefined ? 0 : barWidth(Math.min(item.progress, CAP), CAP, PLOT);
        return (
          <g key={item.row} transform={`translate(0 ${y})`}>
            <text x={LABEL_WIDTH - 8} y={17} textAnchor="end" className="chart__label">
              {fitToWidth(item.name || `Ligne ${item.row + 1}`, LABEL_WIDTH - 8, LABEL_FONT)}
            </text>
            <rect x={LABEL_WIDTH} y={4} width={PLOT} height={ROW - 8} className="chart__track" />
            <rect x={LABEL_WIDTH} y={4} width={width} height={ROW - 8} className={reached ? 'chart__bar chart__bar--reached' : 'chart__bar chart__bar--progress'} />
            <text x={LABEL_WIDTH + PLOT + 6} y={17} className="chart__value">
              {fitToWidth(progressText(item), VALUE_WIDTH, LABEL_FONT)}
            </text>
          </g>
        );
      })}
      <line x1={target} x2={target} y1={16} y2={height} className="chart__target" />
    </ChartFigure>
  );
}
