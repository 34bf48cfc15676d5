import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { StrokeMachine } from '../canvas/stroke-machine';
import { DrawingCanvas } from './drawing-canvas';

beforeAll(() => {
  // jsdom has neither layout nor ResizeObserver nor a 2D context: enough to test the wiring.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
  HTMLCanvasElement.prototype.setPointerCapture = () => {};
  window.matchMedia = (() => ({ addEventListener() {}, removeEventListener() {} })) as never;
});
afterEach(cleanup);

const pointer = (type: string, x: number, y: number, init: Partial<PointerEventInit> = {}) =>
  new PointerEvent(type, {
    clientX: x,
    clientY: y,
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    bubbles: true,
    ...init,
  });

describe('DrawingCanvas', () => {
  it('turns pointer events into strokes, one pointer at a time', () => {
    const machine = new StrokeMachine();
    render(<DrawingCanvas machine={machine} brushSize={10} hint="Draw a digit here" />);
    const canvas = screen.getByRole('img', { name: 'Drawing area' });
    expect(screen.getByText('Draw a digit here')).toBeTruthy();
    act(() => {
      canvas.dispatchEvent(pointer('pointerdown', 10, 10));
      canvas.dispatchEvent(pointer('pointermove', 20, 20));
      canvas.dispatchEvent(pointer('pointerdown', 50, 50, { pointerId: 2, pointerType: 'touch' }));
      canvas.dispatchEvent(pointer('pointermove', 60, 60, { pointerId: 2, pointerType: 'touch' }));
      canvas.dispatchEvent(pointer('pointermove', 30, 25));
      canvas.dispatchEvent(pointer('pointerup', 30, 25));
    });
    const s = machine.getSnapshot();
    expect(s.strokes).toHaveLength(1);
    expect(s.strokes[0]!.points.map((p) => [p.x, p.y])).toEqual([
      [10, 10],
      [20, 20],
      [30, 25],
    ]);
    expect(s.strokes[0]!.size).toBe(10);
    expect(screen.queryByText('Draw a digit here')).toBeNull();
  });

  it('drops the stroke when the pointer is cancelled and ignores the right button', () => {
    const machine = new StrokeMachine();
    render(<DrawingCanvas machine={machine} brushSize={10} hint="hint" />);
    const canvas = screen.getByRole('img', { name: 'Drawing area' });
    act(() => {
      canvas.dispatchEvent(pointer('pointerdown', 10, 10, { button: 2 }));
      canvas.dispatchEvent(pointer('pointerdown', 10, 10, { pointerType: 'pen', pressure: 0.9 }));
      canvas.dispatchEvent(pointer('pointermove', 20, 20, { pointerType: 'pen', pressure: 0.8 }));
    });
    expect(machine.getSnapshot().active?.points[0]?.pressure).toBeCloseTo(0.9);
    act(() => {
      fireEvent(canvas, pointer('pointercancel', 20, 20));
    });
    expect(machine.getSnapshot().strokes).toHaveLength(0);
    expect(machine.getSnapshot().phase).toBe('idle');
  });
});
