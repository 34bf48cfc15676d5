import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../../../app/shared/types';
import { defaultPair, deltaCell, hasSameTaskPair } from './compare-rules';

const model = (id: string, datasetId: string) => ({ id, datasetId }) as ModelSummary;

describe('defaultPair', () => {
  it('opens on two models of one task, not the built-in digits against the built-in letters', () => {
    const models = [
      model('builtin-digits', 'mnist'),
      model('builtin-letters', 'letters'),
      model('quick', 'mnist'),
    ];
    expect(defaultPair(models)).toEqual(['builtin-digits', 'quick']);
    expect(
      defaultPair([
        model('builtin-digits', 'mnist'),
        model('builtin-letters', 'letters'),
        model('l2', 'letters'),
      ]),
    ).toEqual(['builtin-letters', 'l2']);
  });

  it('knows when no task has two models (only the built-ins): Compare explains instead', () => {
    expect(hasSameTaskPair([model('builtin-digits', 'mnist'), model('builtin-letters', 'letters')])).toBe(
      false,
    );
    expect(hasSameTaskPair([model('a', 'mnist'), model('b', 'letters'), model('c', 'mnist')])).toBe(true);
  });

  it('falls back to the first two when no task has two models', () => {
    expect(defaultPair([model('a', 'mnist'), model('b', 'letters')])).toEqual(['a', 'b']);
    expect(defaultPair([model('a', 'mnist')])).toEqual(['a', '']);
  });
});

describe('deltaCell', () => {
  it('says B − A with a sign, an arrow and a tone', () => {
    expect(deltaCell(0.9, 0.924)).toEqual({
      text: '▲ +2.4 pts',
      tone: 'better',
      label: 'B is 2.4 points better than A',
    });
    expect(deltaCell(0.95, 0.94)).toMatchObject({ text: '▼ −1.0 pts', tone: 'worse' });
    expect(deltaCell(0.9, 0.90001)).toMatchObject({ text: '±0.0 pts', tone: 'same' });
  });
});
