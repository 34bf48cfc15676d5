import { describe, expect, it } from 'vitest';
import { countText, MIN_SAMPLES_PER_CLASS } from './class-panel';
import { whyNotSaved } from './samples-screen';

describe('saving a sample', () => {
  it('says why nothing was saved, the first thing missing first', () => {
    expect(whyNotSaved(false, false, false)).toMatch(/^Create a set first/);
    expect(whyNotSaved(true, false, true)).toMatch(/^Add a class first/);
    expect(whyNotSaved(true, true, false)).toMatch(/^Nothing to save: draw/);
    expect(whyNotSaved(true, true, true)).toBeNull();
  });

  it('says how many samples are enough while a class has too few', () => {
    expect(countText(8)).toBe(`8 · too few, ${MIN_SAMPLES_PER_CLASS} needed`);
    expect(countText(0)).toBe(`0 · too few, ${MIN_SAMPLES_PER_CLASS} needed`);
    expect(countText(MIN_SAMPLES_PER_CLASS)).toBe(`${MIN_SAMPLES_PER_CLASS} samples`);
  });
});
