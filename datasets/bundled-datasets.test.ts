import { describe, expect, it } from 'vitest';
import { getDataset, hasDataset, listDatasets, MNIST, registerDataset } from './bundled-datasets';

describe('dataset registry', () => {
  it('lists MNIST with its classes, sizes and licence', () => {
    expect(listDatasets()[0]).toBe(MNIST);
    const m = getDataset('mnist');
    expect(m.classes).toHaveLength(10);
    expect(m.sizes).toEqual({ train: 60_000, test: 10_000 });
    expect(m.provenance.licence).toBe('CC BY-SA 3.0');
  });

  it('registers custom datasets once, and names the known ids for an unknown one', () => {
    expect(() => getDataset('nope')).toThrow(/unknown dataset "nope" \(known: mnist/);
    const info = { ...MNIST, id: 'my-glyphs', task: 'custom' as const, classes: ['α', 'β'] };
    registerDataset(info);
    expect(hasDataset('my-glyphs')).toBe(true);
    expect(() => registerDataset(info)).toThrow(/already registered/);
    expect(() => registerDataset({ ...info, id: 'Bad Id' })).toThrow(/lowercase/);
    expect(() => registerDataset({ ...info, id: 'dup', classes: ['a', 'a'] })).toThrow(/distinct/);
  });
});
