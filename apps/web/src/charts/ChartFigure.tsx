import { useId, type ReactNode } from 'react';
import './charts.css';

interface ChartFigureProps {
  title: string;
  /** One or two sentences that say what the chart shows: its text alternative. */
  summary: string;
  width: number;
  height: number;
  /** The chart's data as an accessible table, shown on demand. */
  data: ReactNode;
  children: ReactNode;
}

/**
 * A chart with its text alternatives: the drawing is an image named by a visible summary, and
 * the full data is one click (or Enter) away in a real table.
 */
export function ChartFigure({ title, summary, width, height, data, children }: ChartFigureProps) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart__title">
        {title}
      </figcaption>
      <svg
        className="chart__svg"
        role="img"
        aria-labelledby={`${titleId} ${summaryId}`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        preserveAspectRatio="xMinYMin meet"
      >
        {children}
      </svg>
      <p id={summaryId} className="chart__summary">
        {summary}
      </p>
      <details className="chart__data">
        <summary>Données du graphique</summary>
        {data}
      </details>
    </figure>
  );
}
