// The drawing's state machine, DOM-free (tldraw's Idle/Drawing states, excalidraw's history):
// pointer samples in canvas CSS pixels go in, an immutable snapshot of finished strokes comes out.
// Undo/redo walk a history of snapshots, so "clear" is undoable like any stroke.

import type { StrokeData } from '../../app/shared/types';

/** One pen sample in canvas CSS pixels; pressure 0–1 (mouse reports 0.5 while pressed). */
export interface PenPoint {
  x: number;
  y: number;
  pressure: number;
}

/**
 * A stroke as drawn: its samples, the brush size (CSS px) and the side of the square canvas it was
 * drawn on (CSS px), so a canvas of another size (the window resized, the Samples screen) can scale it.
 */
export interface Stroke {
  readonly points: readonly PenPoint[];
  readonly size: number;
  readonly canvas: number;
}

export type StrokePhase = 'idle' | 'drawing';

export interface StrokeSnapshot {
  readonly phase: StrokePhase;
  /** Finished strokes, oldest first. */
  readonly strokes: readonly Stroke[];
  /** The stroke under the pen, or null when idle. */
  readonly active: Stroke | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Bumps on every change (cheap equality for effects). */
  readonly version: number;
}

/** Samples closer than this to the previous one (CSS px) are dropped: they add nothing but cost. */
export const MIN_POINT_DISTANCE = 0.75;
/** How many past drawings undo can restore. */
export const HISTORY_LIMIT = 200;

type Listener = (snapshot: StrokeSnapshot) => void;

export class StrokeMachine {
  private past: (readonly Stroke[])[] = [];
  private future: (readonly Stroke[])[] = [];
  private strokes: readonly Stroke[] = [];
  private active: PenPoint[] | null = null;
  private activeSize = 0;
  private activeCanvas = 0;
  private version = 0;
  private snapshot: StrokeSnapshot;
  private readonly listeners = new Set<Listener>();

  constructor() {
    this.snapshot = this.makeSnapshot();
  }

  getSnapshot = (): StrokeSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Pen down: starts a stroke. A second pointer while drawing is ignored by the caller. */
  down(point: PenPoint, size: number, canvas = 0): void {
    if (this.active) this.up();
    this.active = [point];
    this.activeSize = size;
    this.activeCanvas = canvas;
    this.emit();
  }

  /** Pen moved (one or many coalesced samples). Ignored when idle. */
  move(points: readonly PenPoint[]): void {
    if (!this.active) return;
    let changed = false;
    for (const p of points) {
      const last = this.active[this.active.length - 1]!;
      if (Math.hypot(p.x - last.x, p.y - last.y) < MIN_POINT_DISTANCE) continue;
      this.active.push(p);
      changed = true;
    }
    if (changed) this.emit();
  }

  /** Pen up: the stroke joins the drawing (a tap becomes a dot) and the redo branch is dropped. */
  up(): void {
    if (!this.active) return;
    const stroke: Stroke = { points: this.active, size: this.activeSize, canvas: this.activeCanvas };
    this.active = null;
    this.commit([...this.strokes, stroke]);
  }

  /** Pointer cancelled (palm rejection, lost capture): the stroke under way is dropped. */
  cancel(): void {
    if (!this.active) return;
    this.active = null;
    this.emit();
  }

  undo(): void {
    if (this.active) this.cancel();
    this.restore(this.past, this.future);
  }

  redo(): void {
    if (this.active) return;
    this.restore(this.future, this.past);
  }

  /** Undo and redo are one move: the snapshot on top of `from` becomes the drawing, kept on `to`. */
  private restore(from: (readonly Stroke[])[], to: (readonly Stroke[])[]): void {
    const snapshot = from.pop();
    if (snapshot === undefined) return;
    to.push(this.strokes);
    this.strokes = snapshot;
    this.emit();
  }

  /** Clear the drawing (undoable). Clearing an empty drawing does nothing. */
  clear(): void {
    this.active = null;
    if (this.strokes.length === 0) {
      this.emit();
      return;
    }
    this.commit([]);
  }

  private commit(strokes: readonly Stroke[]): void {
    this.past.push(this.strokes);
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
    this.strokes = strokes;
    this.emit();
  }

  private makeSnapshot(): StrokeSnapshot {
    return {
      phase: this.active ? 'drawing' : 'idle',
      strokes: this.strokes,
      active: this.active
        ? { points: [...this.active], size: this.activeSize, canvas: this.activeCanvas }
        : null,
      canUndo: this.past.length > 0,
      canRedo: this.future.length > 0,
      version: this.version,
    };
  }

  private emit(): void {
    this.version++;
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l(this.snapshot);
  }
}

/** The strokes the network sees: finished ones plus the one under way, as the contract's `[x, y][]`. */
export function toStrokeData(snapshot: Pick<StrokeSnapshot, 'strokes' | 'active'>): StrokeData[] {
  const all = snapshot.active ? [...snapshot.strokes, snapshot.active] : snapshot.strokes;
  return all.map((s) => s.points.map((p): [number, number] => [p.x, p.y]));
}

/** True when there is ink on the page. */
export function hasInk(snapshot: Pick<StrokeSnapshot, 'strokes' | 'active'>): boolean {
  return snapshot.strokes.length > 0 || snapshot.active !== null;
}
