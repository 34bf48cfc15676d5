// Live loss and accuracy curves, training and validation, from the training store.

import { useMemo } from 'react';
import type { TrainingSnapshot } from '../../training/training-store';
import { Chart, type SeriesDef } from './chart';
import { EPOCH_INCREMENTS, epochRange, fitAccuracyRange } from './chart-range';

const LOSS_SERIES: SeriesDef[] = [
  { label: 'batch loss', colorVar: '--series-3', width: 1 },
  { label: 'train loss', colorVar: '--series-1', points: true },
  { label: 'validation loss', colorVar: '--series-2', points: true, dash: [6, 4] },
];
const ACC_SERIES: SeriesDef[] = [
  { label: 'train accuracy', colorVar: '--series-1', points: true },
  { label: 'validation accuracy', colorVar: '--series-2', points: true, dash: [6, 4] },
];
/** Whole percent, or one decimal where a fitted axis ticks between them (92.5%). */
const pct = (v: number) => `${Number((v * 100).toFixed(1))}%`;

export function Curves({ training }: { training: TrainingSnapshot }) {
  const loss = useMemo(() => {
    // One x axis in fractional epochs: batch losses, and epoch-end figures at whole epochs.
    const rows = new Map<number, (number | null)[]>();
    const row = (x: number) => {
      let r = rows.get(x);
      if (!r) rows.set(x, (r = [null, null, null]));
      return r;
    };
    for (const p of training.batchLoss) row(p.x)[0] = p.loss;
    for (const e of training.epochs) {
      const r = row(e.epoch);
      r[1] = e.trainLoss;
      r[2] = e.valLoss ?? null;
    }
    const xs = [...rows.keys()].sort((a, b) => a - b);
    return [xs, ...[0, 1, 2].map((i) => xs.map((x) => rows.get(x)![i]!))];
  }, [training.batchLoss, training.epochs]);

  const accuracy = useMemo(() => {
    const es = [...training.epochs].sort((a, b) => a.epoch - b.epoch);
    return [es.map((e) => e.epoch), es.map((e) => e.trainAccuracy), es.map((e) => e.valAccuracy ?? null)];
  }, [training.epochs]);

  const lastX = Math.max(0, ...(loss[0] as number[]));
  const [x0, x1] = epochRange(training.spec?.epochs, lastX);
  const [y0, y1] = fitAccuracyRange([...accuracy[1]!, ...accuracy[2]!]);
  // Fresh arrays only when the numbers change (the chart compares ranges by value anyway).
  const xRange = useMemo<[number, number]>(() => [x0, x1], [x0, x1]);
  const yRange = useMemo<[number, number]>(() => [y0, y1], [y0, y1]);
  // Both charts share the epoch axis, so the loss and the accuracy of an epoch stand one above the other.
  const epochAxis = { xLabel: 'epoch', xRange, xIncrements: EPOCH_INCREMENTS };

  return (
    <div className="curves">
      <Chart title="Loss" series={LOSS_SERIES} data={loss} {...epochAxis} />
      <Chart
        title="Accuracy"
        series={ACC_SERIES}
        data={accuracy}
        {...epochAxis}
        yRange={yRange}
        format={pct}
      />
    </div>
  );
}
