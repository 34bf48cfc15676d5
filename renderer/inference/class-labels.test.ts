import { describe, expect, it } from 'vitest';
import { displayLabel, isCaseMerged } from './class-labels';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

describe('displayLabel', () => {
  it('shows a case-merged capital with its small letter, so a drawn "e" reads as itself', () => {
    expect(displayLabel('E', LETTERS)).toBe('E e');
    expect(displayLabel('Z', LETTERS)).toBe('Z z');
  });

  it('leaves a capital alone where the small letter is a class of its own', () => {
    expect(displayLabel('E', ['E', 'e', 'x'])).toBe('E');
    expect(displayLabel('e', ['E', 'e'])).toBe('e');
  });

  it('leaves digits, symbols and words alone', () => {
    expect(displayLabel('3', ['0', '3'])).toBe('3');
    expect(displayLabel('★', ['★', '3'])).toBe('★');
    expect(displayLabel('Yes', ['Yes', 'No'])).toBe('Yes');
  });

  it('tells whether a class list is case-merged', () => {
    expect(isCaseMerged(LETTERS)).toBe(true);
    expect(isCaseMerged(['0', '1', '★'])).toBe(false);
    expect(isCaseMerged(['A', 'a'])).toBe(false);
  });
});
