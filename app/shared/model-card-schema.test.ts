import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECIPE_META } from '../core/test-recipe-meta';
import { checkModelCard } from './model-card-schema';

const builtIn = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../models/${name}/model.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

describe('checkModelCard', () => {
  it('accepts the built-in models and a bare engine model', () => {
    expect(() => checkModelCard(builtIn('digits'))).not.toThrow();
    expect(() => checkModelCard(builtIn('letters'))).not.toThrow();
    expect(() => checkModelCard({ format: 'glyph-lab-model', version: 1 })).not.toThrow();
  });

  it('accepts figures stored as null (NaN when measured) and unknown keys', () => {
    const card = { metrics: { testLoss: null, testAccuracy: null }, later: { anything: 1 } };
    expect(() => checkModelCard({ metadata: { glyphLab: card } })).not.toThrow();
  });

  it('names the first bad field (the audit: training {}, metrics "oops")', () => {
    expect(() => checkModelCard({ metadata: { glyphLab: { training: {} } } }, 'x/model.json')).toThrow(
      /^x\/model\.json: metadata\.glyphLab\.training\.spec: /,
    );
    expect(() => checkModelCard({ metadata: { glyphLab: { metrics: 'oops' } } })).toThrow(
      /^model\.json: metadata\.glyphLab\.metrics: /,
    );
    const digits = builtIn('digits');
    const glyphLab = (digits.metadata as { glyphLab: Record<string, unknown> }).glyphLab;
    const training = glyphLab.training as { history: unknown[] };
    const broken = {
      ...digits,
      metadata: { glyphLab: { ...glyphLab, training: { ...training, history: [{ epoch: 'one' }] } } },
    };
    expect(() => checkModelCard(broken)).toThrow(/metadata\.glyphLab\.training\.history\[0\]\.epoch: /);
    expect(() => checkModelCard({ metrics: 'oops' })).toThrow(/^model\.json: metrics: /);
  });

  it("accepts a recipe-trained model's calibration, figures beside the test and recipe, and names a bad one", () => {
    const card = (glyphLab: Record<string, unknown>) => ({
      metadata: { glyphLab: { ...RECIPE_META, ...glyphLab } },
    });
    expect(() => checkModelCard(card({}))).not.toThrow();
    const c = RECIPE_META.calibration;
    expect(() => checkModelCard(card({ calibration: { ...c, temperature: 0 } }))).toThrow(
      /^model\.json: metadata\.glyphLab\.calibration\.temperature: /,
    );
    expect(() => checkModelCard(card({ calibration: { ...c, sureAbove: 'high' } }))).toThrow(
      /metadata\.glyphLab\.calibration\.sureAbove: /,
    );
    expect(() =>
      checkModelCard(card({ calibration: { ...c, test: { ...c.test, reliability: [{ from: 0 }] } } })),
    ).toThrow(/metadata\.glyphLab\.calibration\.test\.reliability\[0\]\.to: /);
    expect(() => checkModelCard(card({ calibration: { ...c, test: { ...c.test, on: undefined } } }))).toThrow(
      /metadata\.glyphLab\.calibration\.test\.on: /,
    );
    expect(() =>
      checkModelCard(card({ alsoEvaluated: [{ ...RECIPE_META.alsoEvaluated[0], label: 3 }] })),
    ).toThrow(/metadata\.glyphLab\.alsoEvaluated\[0\]\.label: /);
    expect(() =>
      checkModelCard(
        card({ recipe: { ...RECIPE_META.recipe, mix: [{ source: 'mnist train', samples: -1, repeat: 1 }] } }),
      ),
    ).toThrow(/metadata\.glyphLab\.recipe\.mix\[0\]\.samples: /);
  });
});
