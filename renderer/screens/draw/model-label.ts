// A model as the picker names it: name, architecture and its test figure, honest about small tests.
// A percentage measured on 2 images says nothing; below MIN_MEASURED the picker gives the count instead.

import type { ModelSummary } from '../../../app/shared/types';
import { evaluatedCount, tooFewToMeasure } from '../../components/measured-figures';
import { formatAccuracy } from '../../inference/prediction';

/**
 * How many images the test figure was measured on: the card's `evaluatedOn` ("mnist test split,
 * 10,000 images", written by the training job), or a fine-tuned model's held-out count.
 */
export function testedCount(m: ModelSummary): number | undefined {
  return evaluatedCount(m.metrics) ?? m.fineTune?.custom?.count ?? m.fineTune?.base?.count;
}

/** "Digits (built-in LeNet) · lenet · 98.9%", or "My ★ · mlp · tested on 2 images". */
export function modelLabel(m: ModelSummary): string {
  return `${m.name} · ${m.architecture}${testFigure(m)}`;
}

function testFigure(m: ModelSummary): string {
  const acc = m.metrics.testAccuracy;
  if (acc === undefined) return '';
  const n = testedCount(m);
  if (n !== undefined && tooFewToMeasure(n)) return ` · tested on ${n} image${n === 1 ? '' : 's'}`;
  return ` · ${formatAccuracy(acc)}`;
}
