import type { ComponentChildren, VNode } from 'preact';

/**
 * Hand-written SVG charts, drawn on the server: no script, no style attribute (the CSP forbids
 * them), text in `currentColor` so they read in dark mode and in print. Each carries a
 * `<title>` and a `<desc>` it is labelled by, and each bar or point its own `<title>`; the page
 * puts the numbers in a table beside it, which is what screen readers and printers rely on.
 */

/** A bar's value: a number, or the text of a withheld one (« < 5 », « masqué »), drawn without a bar. */
export type ChartValue = number | string;

export interface BarSeries {
  name: string;
  values: ChartValue[];
}

export interface BarChartProps {
  /** Unique in the page: the title and description are referenced by it. */
  id: string;
  title: string;
  description: string;
  /** One per row of bars. */
  labels: string[];
  /** One bar per series in each row; two series get a legend. */
  series: BarSeries[];
  /** How a number is written beside its bar (e.g. as a percentage). */
  format?: (n: number) => string;
  /** The value a full bar stands for; by default the largest value. */
  max?: number;
}

export const CHART_WIDTH = 640;
export const SERIES_COLOURS = ['#1d6f42', '#b45309', '#1e40af'];
const LABEL_ROW = 18;
const BAR = 14;
const ROW_GAP = 10;
const VALUE_ROOM = 76;
const LEGEND = 24;

const plain = (n: number) => String(n);

/** The frame of every chart: its size, the `<title>` and `<desc>` it is labelled by, the text style. */
function ChartFrame(props: { id: string; title: string; description: string; height: number; children: ComponentChildren }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="chart"
      viewBox={`0 0 ${CHART_WIDTH} ${props.height}`}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      font-size="13"
      font-family="system-ui, sans-serif"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

/** Horizontal bars, one row per label with its name above its bars (long names fit a phone). */
export function BarChart(props: BarChartProps): VNode {
  const format = props.format ?? plain;
  const numbers = props.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'));
  const max = Math.max(props.max ?? 0, ...numbers, 0);
  const legend = props.series.length > 1 ? LEGEND : 0;
  const rowHeight = LABEL_ROW + props.series.length * BAR + ROW_GAP;
  const height = legend + Math.max(1, props.labels.length) * rowHeight;
  const room = CHART_WIDTH - VALUE_ROOM;
  return (
    <ChartFrame {...props} height={height}>
      {legend ? (
        <g class="legend">
          {props.series.map((s, i) => (
            <g>
              <rect x={i * 200} y={4} width={12} height={12} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
              <text x={i * 200 + 18} y={15} fill="currentColor">
                {s.name}
              </text>
            </g>
          ))}
        </g>
      ) : null}
      {props.labels.map((label, row) => {
        const top = legend + row * rowHeight;
        return (
          <g class="row">
            <text x={0} y={top + 13} fill="currentColor">
              {label}
            </text>
            {props.series.map((s, i) => {
              const value = s.values[row];
              const y = top + LABEL_ROW + i * BAR;
              const width = typeof value === 'number' && max > 0 ? Math.round((value / max) * room * 10) / 10 : 0;
              const text = typeof value === 'number' ? format(value) : value;
              return (
                <g class="bar">
                  <title>{`${label} — ${s.name} : ${text}`}</title>
                  {width > 0 ? <rect x={0} y={y} width={width} height={BAR - 3} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} /> : null}
                  <text x={width + 4} y={y + BAR - 4} fill="currentColor">
                    {text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

export interface LinePoint {
  label: string;
  value: number;
}

export interface LineChartProps {
  id: string;
  title: string;
  description: string;
  points: LinePoint[];
  /** Written where there is no point to draw. */
  empty: string;
}

const LINE_HEIGHT = 220;
const PLOT = { left: 56, right: CHART_WIDTH - 16, top: 16, bottom: LINE_HEIGHT - 40 };

/** A line through the points in order, with its axes: the first and last labels below, 0 and the largest value beside. */
export function LineChart(props: LineChartProps): VNode {
  const max = Math.max(0, ...props.points.map((p) => p.value));
  const n = props.points.length;
  const x = (i: number) => (n <= 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + ((PLOT.right - PLOT.left) * i) / (n - 1));
  const y = (v: number) => (max === 0 ? PLOT.bottom : PLOT.bottom - ((PLOT.bottom - PLOT.top) * v) / max);
  const r = (v: number) => Math.round(v * 10) / 10;
  const ends = n === 0 ? [] : n === 1 ? [0] : [0, n - 1];
  return (
    <ChartFrame {...props} height={LINE_HEIGHT}>
      <g class="axes" stroke="currentColor" stroke-width="1">
        <line x1={PLOT.left} y1={PLOT.bottom} x2={PLOT.right} y2={PLOT.bottom} />
        <line x1={PLOT.left} y1={PLOT.top} x2={PLOT.left} y2={PLOT.bottom} />
      </g>
      <text x={PLOT.left - 6} y={PLOT.bottom + 4} text-anchor="end" fill="currentColor">
        0
      </text>
      {max > 0 ? (
        <text x={PLOT.left - 6} y={PLOT.top + 4} text-anchor="end" fill="currentColor">
          {String(max)}
        </text>
      ) : null}
      {n === 0 ? (
        <text x={(PLOT.left + PLOT.right) / 2} y={(PLOT.top + PLOT.bottom) / 2} text-anchor="middle" fill="currentColor">
          {props.empty}
        </text>
      ) : null}
      {n > 1 ? (
        <polyline
          points={props.points.map((p, i) => `${r(x(i))},${r(y(p.value))}`).join(' ')}
          fill="none"
          stroke={SERIES_COLOURS[0]}
          stroke-width="2.5"
          stroke-linejoin="round"
        />
      ) : null}
      {props.points.map((p, i) => (
        <circle cx={r(x(i))} cy={r(y(p.value))} r={3.5} fill={SERIES_COLOURS[0]}>
          <title>{`${p.label} : ${p.value}`}</title>
        </circle>
      ))}
      {ends.map((i) => (
        <text x={r(x(i))} y={PLOT.bottom + 20} text-anchor={n === 1 ? 'middle' : i === 0 ? 'start' : 'end'} fill="currentColor">
          {props.points[i].label}
        </text>
      ))}
    </ChartFrame>
  );
}
