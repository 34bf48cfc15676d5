// A uPlot line chart that follows its container's width and the theme, fed aligned data.

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { onThemeChange } from '../../state/theme';

export interface SeriesDef {
  label: string;
  /** A CSS custom property holding the colour, e.g. "--series-1". */
  colorVar: string;
  width?: number;
  dash?: number[];
  points?: boolean;
}

export interface ChartProps {
  title: string;
  xLabel: string;
  series: SeriesDef[];
  /** [xs, ...ys] aligned, nulls for gaps. */
  data: (number | null)[][];
  /** The y range; the chart follows it as it changes (the accuracy axis fits the data). */
  yRange?: [number, number];
  /** The x range (epochs: 0 to the run's epoch count, so a new run never keeps the last one's). */
  xRange?: [number, number];
  /** Tick steps for the x axis (whole epochs). */
  xIncrements?: number[];
  format?: (v: number) => string;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function Chart({ title, xLabel, series, data, yRange, xRange, xIncrements, format }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  // Ranges are read through refs by the scale functions, so new ranges need no rebuild.
  const ranges = useRef({ x: xRange, y: yRange });
  ranges.current = { x: xRange, y: yRange };
  const yKey = yRange?.join(',') ?? '';
  const xKey = xRange?.join(',') ?? '';

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const build = () => {
      plot.current?.destroy();
      const axis = cssVar('--muted');
      const grid = cssVar('--grid');
      const opts: uPlot.Options = {
        width: Math.max(200, el.clientWidth),
        height: 220,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: {
            time: false,
            range: (_u, min, max) => ranges.current.x ?? [min ?? 0, max ?? 1],
          },
          y: {
            auto: true,
            range: (_u, min, max) => ranges.current.y ?? uPlot.rangeNum(min ?? 0, max ?? 1, 0.1, true),
          },
        },
        axes: [
          {
            stroke: axis,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            label: xLabel,
            labelSize: 18,
            ...(xIncrements ? { incrs: xIncrements } : {}),
          },
          {
            stroke: axis,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            size: 52,
            values: format ? (_u, vals) => vals.map((v) => format(v)) : undefined,
          },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: cssVar(s.colorVar),
            width: s.width ?? 2,
            dash: s.dash,
            spanGaps: true,
            points: { show: s.points ?? false, size: 6 },
          })),
        ],
      };
      plot.current = new uPlot(opts, dataRef.current as uPlot.AlignedData, el);
    };
    build();
    const resize = new ResizeObserver(() =>
      plot.current?.setSize({ width: Math.max(200, el.clientWidth), height: 220 }),
    );
    resize.observe(el);
    const offTheme = onThemeChange(build);
    return () => {
      resize.disconnect();
      offTheme();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [series, xLabel, xIncrements, format]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: yKey and xKey stand for the ranges (read through the ref).
  useEffect(() => {
    // setData rescales: the range functions above read the current ranges.
    plot.current?.setData(data as uPlot.AlignedData);
  }, [data, yKey, xKey]);

  return (
    <figure
      className="chart"
      data-y-range={yKey}
      data-x-range={xKey}
      data-points={data.slice(1).reduce((n, ys) => n + ys.filter((y) => y !== null).length, 0)}
    >
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={box} className="chart-box" role="img" aria-label={`${title} chart`} />
    </figure>
  );
}
