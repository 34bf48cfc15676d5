import { describe, expect, it } from 'vitest';
import { concatDatasets, type Dataset } from './batch';

const data = (images: number[], labels: number[]): Dataset => ({
  images: Float32Array.from(images),
  labels: Int32Array.from(labels),
  sampleShape: [1, 1, 2],
});

describe('concatDatasets', () => {
  it('puts the second after the first, images and labels alike', () => {
    const both = concatDatasets(data([1, 2, 3, 4], [0, 1]), data([5, 6], [2]));
    expect([...both.images]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...both.labels]).toEqual([0, 1, 2]);
    expect(both.sampleShape).toEqual([1, 1, 2]);
  });

  it('returns the first unchanged when the second is empty', () => {
    const a = data([1, 2], [0]);
    expect(concatDatasets(a, data([], []))).toBe(a);
  });
});
