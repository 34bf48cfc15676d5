import { describe, expect, it } from 'vitest';
import { lineTask } from './line-model';

describe('the model Line mode reads with', () => {
  it('is the Characters model whenever there is one, whatever the kind of line', () => {
    for (const kind of ['number', 'letters', 'mixed'] as const)
      expect(lineTask(kind, true)).toBe('characters');
  });

  it('without it: digits for a number, letters for a word, and a code still asks for Characters', () => {
    expect(lineTask('number', false)).toBe('digits');
    expect(lineTask('letters', false)).toBe('letters');
    expect(lineTask('mixed', false)).toBe('characters');
  });
});
