// A recipe summary as `recipes:list` answers it (figures of models/digits/recipe.json), for the renderer's tests.

import type { RecipeSummary } from '../../app/shared/types';

export function digitsRecipe(): RecipeSummary {
  return {
    id: 'digits',
    name: 'Digits (built-in CNN)',
    description: 'MNIST and real pen digits; tested on writers it never saw.',
    classes: 10,
    network: 'conv 32 5×5 → pool 2 → conv 64 5×5 → pool 2 → dense 256 → dropout 0.3 → dense 10, ReLU',
    parameters: 317_066,
    epochs: 15,
    mix: [
      { source: 'mnist train', images: 60_000, repeat: 1 },
      { source: 'pen-digits train (donors except ibm)', images: 5_623, repeat: 4 },
      { source: 'scribbles (generated, 4,000)', images: 4_000, repeat: 1 },
    ],
    imagesPerEpoch: 86_492,
    validationDonors: ['ibm'],
    test: 'MNIST test split',
    alsoTest: ['Pen digits of writers never trained on (UNIPEN donors apa, uqb, pri)'],
    estimatedSeconds: 1_951,
    spec: {
      recipe: 'digits',
      datasetId: 'mnist',
      architecture: 'custom',
      layers: [
        { type: 'flatten', config: {} },
        { type: 'dense', config: { units: 10 } },
      ],
      optimizer: { type: 'adamw', config: { weightDecay: 0.0001 } },
      learningRate: 0.003,
      schedule: { type: 'oneCycle', config: { pctStart: 0.2 } },
      batchSize: 64,
      epochs: 15,
      augmentation: true,
      seed: 20_261_204,
      validationSplit: 0,
      name: 'Digits (built-in CNN)',
    },
  };
}
