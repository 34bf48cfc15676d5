import { describe, expect, it } from 'vitest';
import { folderToLabel, labelToFolder } from './label-folder';

describe('label folders', () => {
  it('keeps digits and lowercase, encodes the rest distinctly and reversibly', () => {
    expect(labelToFolder('7')).toBe('7');
    expect(labelToFolder('a')).toBe('a');
    expect(labelToFolder('A')).toBe('_41_');
    expect(labelToFolder('con')).toBe('_63_on');
    for (const label of ['7', 'a', 'A', 'con', '..', '★', 'a/b', 'Zz-9']) {
      expect(folderToLabel(labelToFolder(label))).toBe(label);
    }
  });

  it('reads folder names from other tools as the label itself', () => {
    expect(folderToLabel('A')).toBe('A');
    expect(folderToLabel('cat_dog')).toBe('cat_dog');
    expect(folderToLabel('Ω')).toBe('Ω');
  });
});
