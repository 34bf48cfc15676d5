import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadsSetting } from '../../../app/shared/types';
import { ThreadsField, ThreadsLine, threadChoices } from './threads-field';

afterEach(cleanup);

describe('ThreadsField', () => {
  it('offers Auto and 1 to the cores main reported, and sends the choice', () => {
    expect(threadChoices(4)).toEqual(['auto', 1, 2, 3, 4]);
    expect(threadChoices(null)).toEqual(['auto', 1]);
    let chosen: ThreadsSetting = 'auto';
    render(<ThreadsField value="auto" onChange={(v) => (chosen = v)} cores={2} disabled={false} />);
    const select = screen.getByLabelText('Threads') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Auto (every core for CNNs, 1 for MLPs)',
      '1 thread',
      '2 threads',
    ]);
    fireEvent.change(select, { target: { value: '2' } });
    expect(chosen).toBe(2);
    fireEvent.change(select, { target: { value: 'auto' } });
    expect(chosen).toBe('auto');
  });

  it('says how many threads a run uses, and why', () => {
    render(
      <ThreadsLine threads={{ count: 2, reason: '2 threads: CNNs train faster on every core' }} running />,
    );
    expect(screen.getByText('Training on 2 threads (CNNs train faster on every core)')).toBeTruthy();
    cleanup();
    render(
      <ThreadsLine threads={{ count: 1, reason: '1 thread: MLPs train faster on one' }} running={false} />,
    );
    expect(screen.getByText('Trained on 1 thread (MLPs train faster on one)')).toBeTruthy();
  });
});
