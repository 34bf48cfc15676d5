import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classOf, loadUnipen, toSample, UNIPEN_PATH } from './unipen';

describe('classOf', () => {
  it('maps digits to 0–9 and letters case-merged to 0–25', () => {
    expect(classOf('7', 'digits')).toBe(7);
    expect(classOf('A', 'letters')).toBe(0);
    expect(classOf('a', 'letters')).toBe(0);
    expect(classOf('z', 'letters')).toBe(25);
    expect(classOf('a', 'digits')).toBe(-1);
    expect(classOf('3', 'letters')).toBe(-1);
  });
});

describe('toSample', () => {
  it('flips y so it points down, per glyph', () => {
    const s = toSample({
      label: 'T',
      writer: 'w',
      donor: 'd',
      category: '1b',
      yAxis: 'up',
      strokes: [
        [
          [0, 10],
          [10, 10],
        ],
        [
          [5, 10],
          [5, 0],
        ],
        [],
      ],
    });
    expect(s.strokes).toEqual([
      [
        [0, 0],
        [10, 0],
      ],
      [
        [5, 0],
        [5, 10],
      ],
    ]);
  });
});

describe('loadUnipen', () => {
  it('returns null when the file is absent', () => {
    expect(loadUnipen('/nonexistent/unipen-dev.json.gz')).toBeNull();
  });

  it.skipIf(!existsSync(UNIPEN_PATH))('reads the shared file (skipped when absent)', () => {
    const all = loadUnipen()!;
    expect(all.length).toBe(54944);
    expect(all.filter((s) => classOf(s.label, 'digits') >= 0).length).toBe(8166);
    expect(all.filter((s) => classOf(s.label, 'letters') >= 0).length).toBe(12770 + 34008);
  });
});
