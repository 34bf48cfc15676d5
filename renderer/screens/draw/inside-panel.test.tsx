// The panel on a real recognizer (the classic preset's network, serialized as main sends it): closed
// it never looks inside, however much is drawn; open it looks once per frame, after the prediction's
// frame, and shows the backward pass for the class picked, one row per layer.

import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelPayload } from '../../../app/shared/types';
import { Rng, Sequential, serializeModel } from '../../../engine';
import { preset } from '../../../engine/presets';
import { loadRecognizer, type Recognizer } from '../../inference/recognizer';
import { InsidePanel } from './inside-panel';
import { INSIDE_KEY } from './inside-preference';

const classes = ['a', 'b', 'c'];

function classicPayload(): ModelPayload {
  const spec = preset('classic', { classes: 3 });
  const model = new Sequential(spec.model, new Rng(5));
  const { json, weights } = serializeModel(model, { classes });
  return {
    summary: {
      id: 'checkpoint-1',
      name: 'classic (epoch 1)',
      datasetId: 'x',
      task: 'custom',
      classes,
      architecture: 'classic',
      parameters: weights.byteLength / 4,
      createdAt: '2026-12-05T00:00:00.000Z',
      metrics: {},
      builtin: false,
    },
    json: json as unknown as Record<string, unknown>,
    weights,
  };
}

/** The real recognizer, with its inspect calls counted. */
function counted(): { recognizer: Recognizer; calls: (number | undefined)[] } {
  const real = loadRecognizer(classicPayload());
  const calls: (number | undefined)[] = [];
  return {
    calls,
    recognizer: {
      ...real,
      inspect: (image, target) => {
        calls.push(target);
        return real.inspect(image, target);
      },
    },
  };
}

const drawing = (k: number) => Float32Array.from({ length: 784 }, (_, i) => ((i * 7 + k) % 13 === 0 ? 1 : 0));

let frames: FrameRequestCallback[] = [];
/** The page's clock: frames a second apart, so the loop's rest after a look (inside-loop.ts) has passed. */
let clockMs = 0;
function frame() {
  const due = frames;
  frames = [];
  clockMs += 1000;
  act(() => {
    for (const cb of due) cb(clockMs);
  });
}

beforeEach(() => {
  localStorage.clear();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.spyOn(performance, 'now').mockImplementation(() => clockMs);
  vi.stubGlobal('cancelAnimationFrame', (h: number) => {
    frames[h - 1] = () => {};
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('InsidePanel', () => {
  it('closed by default: no inspect call at all while the drawing and the model change', () => {
    const { recognizer, calls } = counted();
    const view = render(<InsidePanel recognizer={recognizer} image={drawing(0)} top={0} classes={classes} />);
    for (let k = 1; k <= 20; k++) {
      view.rerender(<InsidePanel recognizer={recognizer} image={drawing(k)} top={k % 3} classes={classes} />);
      frame();
    }
    const other = counted();
    view.rerender(
      <InsidePanel recognizer={other.recognizer} image={drawing(21)} top={1} classes={classes} />,
    );
    frame();
    expect(calls).toEqual([]);
    expect(other.calls).toEqual([]);
    expect(frames).toEqual([]);
    const toggle = screen.getByRole('button', { name: /Inside the network/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByLabelText('Backward pass')).toBeNull();
  });

  it('open: one look per frame with the latest drawing, the backward pass for the class picked', () => {
    const { recognizer, calls } = counted();
    const view = render(<InsidePanel recognizer={recognizer} image={drawing(0)} top={2} classes={classes} />);
    fireEvent.click(screen.getByRole('button', { name: /Inside the network/ }));
    expect(localStorage.getItem(INSIDE_KEY)).toBe('open');
    expect(calls).toEqual([]); // not in the frame that committed the prediction
    frame();
    expect(calls).toEqual([2]); // the top prediction by default
    for (let k = 1; k <= 5; k++)
      view.rerender(<InsidePanel recognizer={recognizer} image={drawing(k)} top={2} classes={classes} />);
    frame();
    expect(calls).toEqual([2, 2]);

    fireEvent.change(screen.getByLabelText('Target class'), { target: { value: '1' } });
    frame();
    expect(calls).toEqual([2, 2, 1]);
    const backward = screen.getByLabelText('Backward pass');
    expect(within(backward).getByText('Backward pass toward b')).toBeTruthy();
    expect(within(backward).getByText(/squared error on sigmoid outputs/)).toBeTruthy();
    const errors = within(screen.getByLabelText('Output error per class')).getAllByRole('listitem');
    expect(errors).toHaveLength(3);
    // flatten, dense, sigmoid, dense: one row each, from the output back, after the output's own.
    const back = screen.getByLabelText('Error signal per layer');
    expect(
      within(back)
        .getAllByRole('listitem', { name: /^Layer/ })
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Layer 3, dense', 'Layer 2, sigmoid', 'Layer 1, dense', 'Layer 0, flatten']);
    expect(screen.getAllByRole('img', { name: /^Layer 1, dense: 100 filters of 28 × 28/ })).toHaveLength(1);
    expect(screen.getByRole('img', { name: 'Layer 1, dense: 100 values as bars' })).toBeTruthy();
  });

  it('follows a new model (a checkpoint) and stops looking once closed', () => {
    const first = counted();
    const view = render(
      <InsidePanel recognizer={first.recognizer} image={drawing(0)} top={0} classes={classes} />,
    );
    fireEvent.click(screen.getByRole('button', { name: /Inside the network/ }));
    frame();
    const next = counted();
    view.rerender(<InsidePanel recognizer={next.recognizer} image={drawing(0)} top={0} classes={classes} />);
    frame();
    expect([first.calls.length, next.calls.length]).toEqual([1, 1]);

    fireEvent.click(screen.getByRole('button', { name: /Inside the network/ }));
    expect(localStorage.getItem(INSIDE_KEY)).toBeNull();
    for (let k = 1; k <= 5; k++) {
      view.rerender(
        <InsidePanel recognizer={next.recognizer} image={drawing(k)} top={0} classes={classes} />,
      );
      frame();
    }
    expect(next.calls.length).toBe(1);
  });

  it('opens as it was left', () => {
    localStorage.setItem(INSIDE_KEY, 'open');
    const { recognizer, calls } = counted();
    render(<InsidePanel recognizer={recognizer} image={drawing(0)} top={0} classes={classes} />);
    expect(screen.getByRole('button', { name: /Inside the network/ }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    frame();
    expect(calls).toEqual([0]);
  });
});
