import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { rankPrediction } from '../../inference/prediction';
import { ConfidenceBars } from './confidence-bars';

afterEach(cleanup);

describe('ConfidenceBars', () => {
  it('draws a bar for every class, most likely first', () => {
    const classes = ['a', 'b', 'c'];
    render(<ConfidenceBars prediction={rankPrediction([0.1, 0.7, 0.2], classes)} classes={classes} />);
    const meters = screen.getAllByRole('meter');
    expect(meters.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Confidence for b',
      'Confidence for c',
      'Confidence for a',
    ]);
    expect(meters[0]!.getAttribute('aria-valuenow')).toBe('70');
  });

  it('shows empty bars before any ink', () => {
    render(<ConfidenceBars prediction={null} classes={['x', 'y']} />);
    expect(screen.getAllByRole('meter')).toHaveLength(2);
  });
});
