import { describe, expect, it } from 'vitest';
import { BatchGatherer, concatDatasets, type Dataset, floatDataset, pickSamples } from './batch';

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

const bytes = (values: number[], labels: number[]): Dataset<Uint8Array> => ({
  images: Uint8Array.from(values),
  labels: Int32Array.from(labels),
  sampleShape: [1, 1, 2],
});

describe('datasets kept as bytes', () => {
  it('are gathered as floats in [0, 1], byte × (1/255) as converting the whole set would give', () => {
    const set = bytes([0, 255, 51, 128, 7, 200], [0, 1, 2]);
    const batch = new BatchGatherer(set).gather(Int32Array.of(2, 0), 0, 2);
    const expected = [7, 200, 0, 255].map((v) => Math.fround(v * (1 / 255)));
    expect([...batch.x.data]).toEqual(expected);
    expect(batch.x.data[3]).toBe(1);
    expect([...batch.y]).toEqual([2, 0]);
  });

  it('gather the same floats as the set converted up front, samples of any size', () => {
    const values = Array.from({ length: 3 * 100 }, (_, i) => (i * 37) % 256);
    const set: Dataset<Uint8Array> = { ...bytes(values, [0, 1, 2]), sampleShape: [100] };
    const floats = floatDataset(set);
    expect(floats.images).toBeInstanceOf(Float32Array);
    const order = Int32Array.of(1, 2, 0);
    const a = new BatchGatherer(set).gather(order, 0, 3).x.data;
    const b = new BatchGatherer(floats).gather(order, 0, 3).x.data;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });

  it('concatenate as bytes with bytes, and as floats with floats', () => {
    const both = concatDatasets(bytes([1, 2], [0]), bytes([3, 4], [1]));
    expect(both.images).toBeInstanceOf(Uint8Array);
    expect([...both.images]).toEqual([1, 2, 3, 4]);
    const mixed = concatDatasets(bytes([0, 255], [0]), data([0.5, 0.25], [1]));
    expect(mixed.images).toBeInstanceOf(Float32Array);
    expect([...mixed.images]).toEqual([0, 1, 0.5, 0.25]);
    expect([...mixed.labels]).toEqual([0, 1]);
  });

  it('are picked as floats', () => {
    const picked = pickSamples(bytes([0, 255, 51, 102], [4, 5]), [1, 1, 0]);
    expect([...picked.images]).toEqual([0.2, 0.4, 0.2, 0.4, 0, 1].map(Math.fround));
    expect([...picked.labels]).toEqual([5, 5, 4]);
  });
});
