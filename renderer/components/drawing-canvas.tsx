// The drawing surface. React only sizes the canvas for devicePixelRatio and wires pointer events;
// the StrokeMachine owns the strokes and renderStrokes paints them, at most once per frame. Square for
// one character; wide (`aspect`) for Line mode, whose segmentation boxes an `overlay` paints over the ink.

import { useEffect, useRef, useSyncExternalStore } from 'react';
import { createFrameScheduler } from '../canvas/frame-scheduler';
import { renderStrokes } from '../canvas/render-strokes';
import { hasInk, type PenPoint, type StrokeMachine } from '../canvas/stroke-machine';
import { onThemeChange } from '../state/theme';

export interface DrawingCanvasProps {
  machine: StrokeMachine;
  brushSize: number;
  /** Shown over an empty canvas. */
  hint: string;
  /** Called on every pointer event that changed the drawing (for latency measurements). */
  onInput?: (timeStamp: number) => void;
  /** Width ÷ height (default 1). Strokes record the height as their `canvas` side. */
  aspect?: number;
  /** The canvas's accessible name (default "Drawing area"). */
  label?: string;
  /** Painted over the strokes (canvas CSS px); a new function repaints. */
  overlay?: (ctx: CanvasRenderingContext2D, size: { width: number; height: number }) => void;
}

export function DrawingCanvas({
  machine,
  brushSize,
  hint,
  onInput,
  aspect = 1,
  label = 'Drawing area',
  overlay,
}: DrawingCanvasProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const brushRef = useRef(brushSize);
  brushRef.current = brushSize;
  const onInputRef = useRef(onInput);
  onInputRef.current = onInput;
  const overlayRef = useRef(overlay);
  overlayRef.current = overlay;
  const repaintRef = useRef<() => void>(() => {});
  const snapshot = useSyncExternalStore(machine.subscribe, machine.getSnapshot);

  useEffect(() => {
    const wrap = wrapRef.current;
    const canvas = canvasRef.current;
    if (!wrap || !canvas) return;
    // No 2D context (a test DOM): input still works, nothing is painted.
    const ctx = canvas.getContext('2d');
    let cssWidth = 0;
    let cssHeight = 0;
    let ink = '#111';

    const readInk = () => {
      ink = getComputedStyle(canvas).getPropertyValue('--ink').trim() || ink;
    };
    const paint = createFrameScheduler(() => {
      if (!ctx) return;
      const s = machine.getSnapshot();
      const strokes = s.active ? [...s.strokes, s.active] : s.strokes;
      const dpr = window.devicePixelRatio || 1;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      renderStrokes(ctx, strokes, { ink, width: cssWidth, height: cssHeight });
      overlayRef.current?.(ctx, { width: cssWidth, height: cssHeight });
    });
    repaintRef.current = () => paint.schedule();

    // As large as its box allows at its aspect; backing store in device pixels.
    const resize = () => {
      const rect = wrap.getBoundingClientRect();
      const height = Math.max(120, Math.floor(Math.min(rect.height, rect.width / aspect)));
      const width = Math.floor(height * aspect);
      const dpr = window.devicePixelRatio || 1;
      if (height === cssHeight && width === cssWidth && canvas.height === Math.round(height * dpr)) return;
      cssWidth = width;
      cssHeight = height;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      paint.schedule();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    readInk();
    resize();
    const offTheme = onThemeChange(() => {
      readInk();
      paint.schedule();
    });
    const off = machine.subscribe(() => paint.schedule());

    // Pointer input: one pointer at a time, captured, with coalesced samples and pressure.
    let activePointer: number | null = null;
    let origin = { left: 0, top: 0 };
    const toPoint = (e: PointerEvent): PenPoint => ({
      x: e.clientX - origin.left,
      y: e.clientY - origin.top,
      pressure: e.pointerType === 'mouse' ? 0.5 : e.pressure || 0.5,
    });
    const down = (e: PointerEvent) => {
      if (activePointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
      e.preventDefault();
      activePointer = e.pointerId;
      canvas.setPointerCapture(e.pointerId);
      const rect = canvas.getBoundingClientRect();
      origin = { left: rect.left, top: rect.top };
      machine.down(toPoint(e), brushRef.current, cssHeight);
      onInputRef.current?.(e.timeStamp);
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== activePointer) return;
      const samples = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
      machine.move((samples.length > 0 ? samples : [e]).map(toPoint));
      onInputRef.current?.(e.timeStamp);
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId !== activePointer) return;
      activePointer = null;
      machine.up();
      onInputRef.current?.(e.timeStamp);
    };
    const cancel = (e: PointerEvent) => {
      if (e.pointerId !== activePointer) return;
      activePointer = null;
      machine.cancel();
    };
    const listeners = [
      ['pointerdown', down],
      ['pointermove', move],
      ['pointerup', up],
      ['pointercancel', cancel],
      ['lostpointercapture', cancel],
    ] as const;
    for (const [type, listener] of listeners) canvas.addEventListener(type, listener);
    return () => {
      repaintRef.current = () => {};
      off();
      observer.disconnect();
      offTheme();
      paint.cancel();
      for (const [type, listener] of listeners) canvas.removeEventListener(type, listener);
    };
  }, [machine, aspect]);
  // A new overlay (the line read again) repaints.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `overlay` is read through its ref when painting.
  useEffect(() => repaintRef.current(), [overlay]);

  return (
    <div className="drawing-wrap" ref={wrapRef}>
      <div className="drawing-frame">
        <canvas ref={canvasRef} className="drawing-canvas" aria-label={label} role="img" />
        {!hasInk(snapshot) && (
          <p className="drawing-hint" aria-hidden="true">
            <span>
              {hint}
              <small>Mouse, pen or finger · press ? for shortcuts</small>
            </span>
          </p>
        )}
      </div>
    </div>
  );
}
