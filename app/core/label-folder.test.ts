import { describe, expect, it } from 'vitest';
import { folderToLabel, labelToFolder } from './label-folder';

describe('labelToFolder', () => {
  it('keeps digits and lowercase letters readable', () => {
    expect(labelToFolder('7')).toBe('7');
    expect(labelToFolder('a')).toBe('a');
  });

  it('keeps upper and lower case apart and encodes symbols, dots and reserved names', () => {
    const labels = ['A', 'a', '★', '..', '.', 'con', 'CON', 'a/b', '_', 'é', '😀', ' '];
    const folders = labels.map(labelToFolder);
    expect(new Set(folders.map((f) => f.toLowerCase())).size).toBe(labels.length);
    for (const f of folders) expect(f).toMatch(/^[a-z0-9_-]+$/i);
    expect(labelToFolder('con')).not.toBe('con');
  });

  it('round-trips', () => {
    for (const label of ['A', 'a', '★', '..', 'con', 'a/b', '_x_', '😀', 'héllo wörld']) {
      expect(folderToLabel(labelToFolder(label))).toBe(label);
    }
  });
});
