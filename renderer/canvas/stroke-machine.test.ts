import { describe, expect, it } from 'vitest';
import { hasInk, type PenPoint, StrokeMachine, toStrokeData } from './stroke-machine';

const p = (x: number, y: number, pressure = 0.5): PenPoint => ({ x, y, pressure });

function drawLine(m: StrokeMachine, from: number, to: number): void {
  m.down(p(from, from), 12);
  m.move([p(from + 5, from + 5), p(to, to)]);
  m.up();
}

describe('StrokeMachine', () => {
  it('goes idle → drawing → idle and keeps the stroke', () => {
    const m = new StrokeMachine();
    expect(m.getSnapshot().phase).toBe('idle');
    m.down(p(1, 1), 10);
    expect(m.getSnapshot().phase).toBe('drawing');
    expect(m.getSnapshot().active?.points).toHaveLength(1);
    m.move([p(10, 10), p(20, 20)]);
    expect(m.getSnapshot().active?.points).toHaveLength(3);
    expect(m.getSnapshot().strokes).toHaveLength(0);
    m.up();
    const s = m.getSnapshot();
    expect(s.phase).toBe('idle');
    expect(s.active).toBeNull();
    expect(s.strokes).toHaveLength(1);
    expect(s.strokes[0]!.size).toBe(10);
    expect(toStrokeData(s)).toEqual([
      [
        [1, 1],
        [10, 10],
        [20, 20],
      ],
    ]);
  });

  it('ignores moves while idle and drops samples closer than the minimum distance', () => {
    const m = new StrokeMachine();
    m.move([p(5, 5)]);
    expect(m.getSnapshot().version).toBe(0);
    m.down(p(0, 0), 10);
    m.move([p(0.1, 0.1), p(0.2, 0), p(3, 0)]);
    expect(m.getSnapshot().active?.points).toHaveLength(2);
  });

  it('a tap is a one-point stroke (a dot)', () => {
    const m = new StrokeMachine();
    m.down(p(4, 4), 10);
    m.up();
    expect(m.getSnapshot().strokes[0]!.points).toHaveLength(1);
  });

  it('includes the stroke under way in the network input', () => {
    const m = new StrokeMachine();
    drawLine(m, 0, 20);
    m.down(p(50, 50), 10);
    m.move([p(60, 60)]);
    expect(toStrokeData(m.getSnapshot())).toHaveLength(2);
    expect(hasInk(m.getSnapshot())).toBe(true);
  });

  it('cancel drops the stroke under way', () => {
    const m = new StrokeMachine();
    m.down(p(0, 0), 10);
    m.move([p(10, 10)]);
    m.cancel();
    expect(m.getSnapshot().strokes).toHaveLength(0);
    expect(m.getSnapshot().canUndo).toBe(false);
  });

  it('undoes and redoes strokes; a new stroke drops the redo branch', () => {
    const m = new StrokeMachine();
    drawLine(m, 0, 20);
    drawLine(m, 30, 50);
    expect(m.getSnapshot().strokes).toHaveLength(2);
    m.undo();
    expect(m.getSnapshot().strokes).toHaveLength(1);
    expect(m.getSnapshot().canRedo).toBe(true);
    m.undo();
    expect(m.getSnapshot().strokes).toHaveLength(0);
    expect(m.getSnapshot().canUndo).toBe(false);
    m.undo(); // nothing left: no-op
    m.redo();
    m.redo();
    expect(m.getSnapshot().strokes).toHaveLength(2);
    m.undo();
    drawLine(m, 60, 80);
    expect(m.getSnapshot().canRedo).toBe(false);
    expect(m.getSnapshot().strokes).toHaveLength(2);
    expect(m.getSnapshot().strokes[1]!.points[0]).toEqual(p(60, 60));
  });

  it('clear is undoable and clearing nothing adds no history', () => {
    const m = new StrokeMachine();
    m.clear();
    expect(m.getSnapshot().canUndo).toBe(false);
    drawLine(m, 0, 20);
    drawLine(m, 30, 50);
    m.clear();
    expect(hasInk(m.getSnapshot())).toBe(false);
    m.undo();
    expect(m.getSnapshot().strokes).toHaveLength(2);
    m.redo();
    expect(m.getSnapshot().strokes).toHaveLength(0);
  });

  it('notifies subscribers with a new snapshot and stops after unsubscribe', () => {
    const m = new StrokeMachine();
    const seen: number[] = [];
    const off = m.subscribe((s) => seen.push(s.version));
    drawLine(m, 0, 20);
    off();
    m.clear();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(m.getSnapshot().version).toBeGreaterThan(seen[seen.length - 1]!);
  });
});
