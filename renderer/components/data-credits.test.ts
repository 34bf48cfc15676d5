import { describe, expect, it } from 'vitest';
import { UNIPEN_CREDIT } from '../../datasets/handwriting/info';
import { DATA_CREDITS } from './data-credits';

describe('data credits', () => {
  it('credit MNIST and UNIPEN with their licences and our changes', () => {
    const unipen = DATA_CREDITS.find((c) => c.credit === UNIPEN_CREDIT);
    expect(unipen).toMatchObject({ licence: 'CC BY 4.0', url: 'https://doi.org/10.5281/zenodo.1195803' });
    expect(unipen?.changes).toMatch(/normalizeStrokes/);
    expect(unipen?.changes).toMatch(/apa, uqb, pri/);
    expect(DATA_CREDITS.find((c) => c.licence === 'CC BY-SA 3.0')?.credit).toMatch(/MNIST.*LeCun/);
  });
});
