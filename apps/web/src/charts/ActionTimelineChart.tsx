import { formatFrenchDate, type ActionPlanSummary } from '@canevas/core';
import { useId } from 'react';
import { fitToWidth, LABEL_FONT, HEADING_FONT, textWidth } from './barScale.js';
import { ChartFigure } from './ChartFigure.js';
import { timelineLayout } from './timelineLayout.js';

const LABEL_WIDTH = 220;
const PLOT = 420;
const WIDTH = LABEL_WIDTH + PLOT + 20;
const ROW = 22;
const AXIS = 28;

function period(action: ActionPlanSummary['actions'][number]): string {
  if (action.start && action.end) return `du ${formatFrenchDate(action.start)} au ${formatFrenchDate(action.end)}`;
  if (action.end) return `échéance ${formatFrenchDate(action.end)}`;
  if (action.start) return `début ${formatFrenchDate(action.start)}`;
  return 'sans date';
}

export function timelineSummaryText(plan: ActionPlanSummary): string {
  const count = plan.actions.length;
  const phases = plan.phases.filter((group) => group.phase !== null);
  const empty = phases.filter((group) => group.actions.length === 0).length;
  const late = plan.late.length;
  return [
    `${count} ${count <= 1 ? 'action' : 'actions'} réparties sur ${phases.length} ${phases.length <= 1 ? 'phase' : 'phases'}`,
    empty > 0 ? `, dont ${empty} sans action` : '',
    '. ',
    late === 0 ? 'Aucune action en retard.' : `${late} ${late === 1 ? 'action en retard' : 'actions en retard'} : ${plan.late.map((a) => a.action || `ligne ${a.row + 1}`).join(', ')}.`,
  ].join('');
}

/** The action plan by phase on a time axis, with a today line; late actions stand out. */
export function ActionTimelineChart({ plan, today }: { plan: ActionPlanSummary; today: string }) {
  const layout = timelineLayout(plan, today);
  // One pattern per chart: ids must stay unique when several plans are on the page.
  const hatch = `late-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const x = (day: number) => LABEL_WIDTH + ((day - layout.start) / Math.max(1, layout.end - layout.start)) * PLOT;
  const height = AXIS + layout.rows.length * ROW + 8;
  return (
    <ChartFigure
      title="Calendrier du plan d’actions"
      summary={timelineSummaryText(plan)}
      width={WIDTH}
      height={height}
      data={
        <table className="chart__table">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Action</th>
              <th scope="col">Période</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {plan.actions.map((action) => (
              <tr key={action.row}>
                <td>{action.phase ?? 'Sans phase'}</td>
                <th scope="row">{action.action || `Ligne ${action.row + 1}`}</th>
                <td>{period(action)}</td>
                <td>{[action.status, action.late ? 'en retard' : ''].filter(Boolean).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="chart__late-fill" />
          <line x1="0" y1="0" x2="0" y2="6" className="chart__late-hatch" />
        </pattern>
      </defs>
      {layout.ticks.map((tick) => (
        <g key={tick.day}>
          <line x1={x(tick.day)} x2={x(tick.day)} y1={AXIS - 6} y2={height} className="chart__grid" />
          <text x={x(tick.day) + 2} y={AXIS - 10} className="chart__tick">
            {tick.label}
          </text>
        </g>
      ))}
      {layout.rows.map((row, index) => {
        const y = AXIS + index * ROW;
        if (row.kind === 'phase') {
          return (
            <text key={`p-${index}`} x={0} y={y + 15} className="chart__heading">
              {fitToWidth(row.label, WIDTH, HEADING_FONT)}
            </text>
          );
        }
        const late = row.action?.late ?? false;
        const label = late ? `${fitToWidth(row.label, LABEL_WIDTH - 8 - textWidth(' ⚠', LABEL_FONT), LABEL_FONT)} ⚠` : fitToWidth(row.label, LABEL_WIDTH - 8, LABEL_FONT);
        return (
          <g key={`a-${index}`} className={late ? 'chart__action chart__action--late' : 'chart__action'}>
            <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" className="chart__label">
              {label}
            </text>
            {row.from !== undefined && row.to !== undefined ? (
              row.to > row.from ? (
                <rect
                  x={x(row.from)}
                  y={y + 4}
                  width={Math.max(3, x(row.to) - x(row.from))}
                  height={ROW - 8}
                  className={late ? 'chart__bar chart__bar--late' : row.action?.done ? 'chart__bar chart__bar--done' : 'chart__bar chart__bar--action'}
                  {...(late ? { fill: `url(#${hatch})` } : {})}
                />
              ) : (
                <path
                  d={`M ${x(row.from)} ${y + 3} l 7 8 l -7 8 l -7 -8 z`}
                  className={late ? 'chart__bar chart__bar--late' : 'chart__bar chart__bar--action'}
                />
              )
            ) : (
              <text x={LABEL_WIDTH + 4} y={y + 15} className="chart__tick">
                sans date
              </text>
            )}
          </g>
        );
      })}
      <line x1={x(layout.today)} x2={x(layout.today)} y1={AXIS - 4} y2={height} className="chart__today" />
      {/* On the right half the label goes left of the line, so it is never cut. */}
      <text
        x={x(layout.today) + (x(layout.today) > LABEL_WIDTH + PLOT / 2 ? -3 : 3)}
        y={height - 4}
        textAnchor={x(layout.today) > LABEL_WIDTH + PLOT / 2 ? 'end' : 'start'}
        className="chart__today-label"
      >
        Aujourd’hui
      </text>
    </ChartFigure>
  );
}
