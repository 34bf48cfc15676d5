import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { rankPrediction } from '../../inference/prediction';
import { ConfidenceBars } from './confidence-bars';

afterEach(cleanup);

describe('ConfidenceBars', () => {
  it('draws a bar for every class, most likely first, each a named meter with its value', () => {
    const classes = ['a', 'b', 'c'];
    render(<ConfidenceBars prediction={rankPrediction([0.1, 0.7, 0.2], classes)} classes={classes} />);
    const meters = screen.getAllByRole('meter');
    expect(meters.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Confidence for b',
      'Confidence for c',
      'Confidence for a',
    ]);
    expect(meters[0]!.getAttribute('aria-valuenow')).toBe('70');
    expect(meters[0]!.getAttribute('aria-valuetext')).toBe('70%');
    expect(screen.getByRole('meter', { name: 'Confidence for c' }).getAttribute('aria-valuetext')).toBe(
      '20%',
    );
  });

  it('labels case-merged letters with both cases, in the bar and its accessible name', () => {
    const classes = ['D', 'E', 'F'];
    render(<ConfidenceBars prediction={rankPrediction([0.05, 0.9, 0.05], classes)} classes={classes} />);
    expect(screen.getAllByRole('meter')[0]!.getAttribute('aria-label')).toBe('Confidence for E e');
    expect(screen.getByText('E e')).toBeTruthy();
  });

  it('shows empty bars before any ink', () => {
    render(<ConfidenceBars prediction={null} classes={['x', 'y']} />);
    expect(screen.getAllByRole('meter')).toHaveLength(2);
    expect(screen.getAllByRole('meter')[0]!.getAttribute('aria-valuetext')).toBe('no ink yet');
  });
});
