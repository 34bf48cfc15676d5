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
  yRange?: [number, number];
  format?: (v: number) => string;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function Chart({ title, xLabel, series, data, yRange, format }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;

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
        scales: { x: { time: false }, y: yRange ? { range: () => yRange } : { auto: true } },
        axes: [
          {
            stroke: axis,
            grid: { stroke: grid, width: 1 },
            ticks: { stroke: grid },
            label: xLabel,
            labelSize: 18,
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
  }, [series, xLabel, yRange, format]);

  useEffect(() => {
    plot.current?.setData(data as uPlot.AlignedData);
  }, [data]);

  return (
    <figure
      className="chart"
      data-points={data.slice(1).reduce((n, ys) => n + ys.filter((y) => y !== null).length, 0)}
    >
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={box} className="chart-box" role="img" aria-label={`${title} chart`} />
    </figure>
  );
}
