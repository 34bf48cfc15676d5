// What a recipe-trained digits model carries in its card beyond a plain one (calibration, the figures
// beside the headline test, the recipe), with fixed made-up figures so the card tests read exact text.
// The shape is what app/trainer/run-job.ts writes (app/model/calibrate.ts computes the figures).

import type {
  CalibrationRecord,
  ConfidenceFigures,
  Evaluation,
  LabelledEvaluation,
  RecipeRecord,
} from '../shared/types';

/** Ten bins; `last` holds most answers, as for a trained model. */
function bins(last: number, accuracy: number): ConfidenceFigures['reliability'] {
  return Array.from({ length: 10 }, (_, k) => ({
    from: k / 10,
    to: (k + 1) / 10,
    count: k === 9 ? last : k < 3 ? 0 : 10 - k,
    confidence: k === 9 ? 0.991 : k < 3 ? 0 : k / 10 + 0.05,
    accuracy: k === 9 ? accuracy : k < 3 ? 0 : k / 10,
  }));
}

function figures(count: number, over: Partial<ConfidenceFigures>): ConfidenceFigures {
  return {
    count,
    accuracy: 0.99,
    top3: 0.998,
    eceUncalibrated: 0.0123,
    ece: 0.0045,
    reliability: bins(count - 28, 0.995),
    sureShare: 0.95,
    sureAccuracy: 0.997,
    mistakesShownSure: 0.2,
    rejected: 0.004,
    ...over,
  };
}

export const RECIPE_CALIBRATION: CalibrationRecord = {
  method: 'temperature',
  temperature: 1.4375,
  sureAbove: 0.8125,
  notACharacterBelow: 0.3,
  fittedOn: 'pen-digits train (donors ibm), 1,200 images',
  validation: figures(1200, { eceUncalibrated: 0.0211, ece: 0.0062 }),
  test: {
    on: 'MNIST test split',
    ...figures(10_000, {
      accuracy: 0.9952,
      top3: 0.9991,
      eceUncalibrated: 0.0148,
      ece: 0.0039,
      sureShare: 0.964,
      sureAccuracy: 0.9987,
      mistakesShownSure: 0.125,
      rejected: 0.002,
    }),
  },
  scribbles: { count: 2000, readAsCharacter: 0.0615, shownSure: 0.0105 },
};

const penDigits: Evaluation = {
  datasetId: 'pen-digits',
  split: 'test',
  count: 1368,
  accuracy: 0.9912,
  loss: 0.031,
  perClass: [],
  confusion: [],
  misclassified: [],
};

export const RECIPE_ALSO_EVALUATED: LabelledEvaluation[] = [
  { label: 'Pen digits of writers never trained on (UNIPEN donors apa, uqb, pri)', ...penDigits },
];

export const RECIPE_RECORD: RecipeRecord = {
  id: 'digits',
  mix: [
    { source: 'mnist train', samples: 60_000, repeat: 1 },
    { source: 'pen-digits train (donors except ibm)', samples: 5_598, repeat: 4 },
    { source: 'digit-forms (generated, 800 per class)', samples: 8_000, repeat: 1 },
    { source: 'scribbles (generated, 4,000)', samples: 4_000, repeat: 1 },
  ],
  validation: 'pen-digits train (donors ibm)',
};

/** The three fields, as they sit in `metadata.glyphLab`. */
export const RECIPE_META = {
  calibration: RECIPE_CALIBRATION,
  alsoEvaluated: RECIPE_ALSO_EVALUATED,
  recipe: RECIPE_RECORD,
};
