import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LineReading } from '../../../datasets/lines/read-line';
import { correct, shownCharacters } from './line-corrections';
import { LineAlternatives, LineText } from './line-text';

afterEach(cleanup);

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const reading: LineReading = {
  text: 'A3',
  characters: [
    {
      text: 'A',
      confidence: 0.91,
      alternatives: [
        { text: 'A', probability: 0.91 },
        { text: 'H', probability: 0.05 },
        { text: '4', probability: 0.02 },
      ],
      box,
      atoms: ['s0+s1:aa'],
    },
    {
      text: '3',
      confidence: 0.42,
      alternatives: [
        { text: '3', probability: 0.42 },
        { text: 'B', probability: 0.4 },
        { text: '8', probability: 0.1 },
      ],
      box,
      atoms: ['s2:bb'],
    },
  ],
};

describe('LineText', () => {
  it('names each character with its place and confidence, and marks a corrected one', () => {
    const first = shownCharacters(reading, new Map());
    const shown = shownCharacters(reading, correct(new Map(), first[1]!, 'B'));
    const picked: (string | null)[] = [];
    render(<LineText characters={shown} selected={null} onSelect={(k) => picked.push(k)} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Character 1: A, 91% confident',
      'Character 2: B, corrected (read 3)',
    ]);
    fireEvent.click(buttons[1]!);
    expect(picked).toEqual(['s2:bb']);
  });

  it('offers the top 3 readings, the one shown pressed; Escape closes them', () => {
    const shown = shownCharacters(reading, new Map());
    const picks: string[] = [];
    let closed = 0;
    render(
      <LineAlternatives
        character={shown[1]!}
        index={1}
        onPick={(t) => picks.push(t)}
        onClose={() => closed++}
      />,
    );
    const group = screen.getByRole('group', { name: 'Alternatives for character 2' });
    const options = screen.getAllByRole('button');
    expect(options.map((o) => o.getAttribute('aria-label'))).toEqual(['3, 42%', 'B, 40%', '8, 10%']);
    expect(options[0]!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(options[1]!);
    expect(picks).toEqual(['B']);
    fireEvent.keyDown(group, { key: 'Escape' });
    expect(closed).toBe(1);
  });
});
