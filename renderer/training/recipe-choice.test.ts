import { describe, expect, it } from 'vitest';
import { trainingSpecSchema } from '../../app/shared/api';
import { durationText, epochsText, mixLines, recipeModelName, recipeRequest } from './recipe-choice';
import { digitsRecipe } from './recipe-fixture';

describe('a built-in recipe on the Train screen', () => {
  it('sends the recipe’s own spec, naming the recipe, as a valid request', () => {
    const r = digitsRecipe();
    const spec = recipeRequest(r, '');
    expect(trainingSpecSchema.safeParse(spec).success).toBe(true);
    expect(spec).toEqual({ ...r.spec, recipe: 'digits', name: 'Digits (built-in CNN), trained here' });
  });

  it('never names the new model as the built-in one, unless the person does', () => {
    const r = digitsRecipe();
    expect(recipeModelName(r)).not.toBe(r.name);
    expect(recipeRequest(r, '  My digits  ').name).toBe('My digits');
  });

  it('refuses a name the contract refuses', () => {
    expect(() => recipeRequest(digitsRecipe(), 'x'.repeat(201))).toThrow();
  });

  it('says the mix, epochs and duration in words', () => {
    const r = digitsRecipe();
    expect(mixLines(r)).toEqual([
      'mnist train: 60,000 images',
      'pen-digits train (donors except ibm): 5,623 images, 4 copies per epoch',
      'scribbles (generated, 4,000): 4,000 images',
    ]);
    expect(mixLines({ ...r, mix: [{ source: 'mnist train', images: null, repeat: 1 }] })).toEqual([
      'mnist train: not built',
    ]);
    expect(epochsText(r)).toBe('15 epochs of 86,492 images');
    expect(epochsText({ ...r, epochs: 1, imagesPerEpoch: null })).toBe('1 epoch');
    expect(durationText(1951)).toBe('about 33 min');
    expect(durationText(5 * 3600 + 60 * 20)).toBe('about 5 h 20 min');
    expect(durationText(7200)).toBe('about 2 h');
    expect(durationText(5)).toBe('about 1 min');
    expect(durationText(null)).toBeNull();
  });
});
