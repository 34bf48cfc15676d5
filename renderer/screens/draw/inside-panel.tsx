// "Inside the network": a panel under the prediction, closed by default, that shows what the active
// model does with the drawing — each layer's output, the first layer's filters and the backward pass
// for a target class (inside-view.ts). It looks inside at most once per frame, after the prediction
// it follows has been committed, and not at all while closed (inside-loop.ts). It follows the model in
// use, checkpoints included: a new recognizer is a new look.

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { LatencyLog } from '../../inference/latency-log';
import type { Recognizer } from '../../inference/recognizer';
import '../../styles/inside-network.css';
import { createInsideLoop } from './inside-loop';
import { insideStorage, readInsideOpen, storeInsideOpen } from './inside-preference';
import { BackwardSection, ForwardSection } from './inside-sections';
import { type InsideView, insideView, resolveTarget } from './inside-view';

interface InsideInput {
  recognizer: Recognizer;
  image: Float32Array;
  target: number | null;
  classes: readonly string[];
}

export function InsidePanel({
  recognizer,
  image,
  top,
  classes,
}: {
  recognizer: Recognizer | null;
  /** The 28×28 input of the prediction just committed; null before ink. */
  image: Float32Array | null;
  /** That prediction's top class. */
  top: number | null;
  /** Classes as shown. */
  classes: readonly string[];
}) {
  const bodyId = useId();
  const [open, setOpen] = useState(() => readInsideOpen(insideStorage()));
  const [picked, setPicked] = useState<number | null>(null);
  const [view, setView] = useState<InsideView | null>(null);
  const costRef = useRef<HTMLSpanElement>(null);
  const [costs] = useState(() => new LatencyLog());

  const loop = useMemo(
    () =>
      createInsideLoop<InsideInput, InsideView>({
        inspect: ({ recognizer, image, target, classes }) =>
          insideView(recognizer.inspect(image, target ?? undefined), classes, recognizer.inspectSettings),
        // Committed and painted now (the canvases paint in layout effects), so the time measured is
        // the whole update.
        show: (v) => flushSync(() => setView(v)),
        onCost: (ms) => {
          costs.add(ms);
          const el = costRef.current;
          if (!el) return;
          const { count, medianMs, p95Ms } = costs.stats();
          el.dataset.insideCount = String(count);
          el.dataset.insideMedianMs = medianMs.toFixed(2);
          el.dataset.insideP95Ms = p95Ms.toFixed(2);
          el.textContent = `${medianMs.toFixed(1)} ms per update (median), ${p95Ms.toFixed(1)} ms (p95), ${count} updates`;
        },
      }),
    [costs],
  );
  useEffect(() => () => loop.dispose(), [loop]);
  useEffect(() => loop.setOpen(open), [loop, open]);

  // Figures per model: a checkpoint or another model starts a fresh log.
  useEffect(() => {
    if (!recognizer) return;
    costs.clear();
    const el = costRef.current;
    if (el) {
      el.textContent = 'measured as you draw';
      delete el.dataset.insideCount;
    }
  }, [recognizer, costs]);

  const target = recognizer ? resolveTarget(picked, top, recognizer.classes.length) : null;
  useEffect(() => {
    loop.update(recognizer && image ? { recognizer, image, target, classes } : null);
  }, [loop, recognizer, image, target, classes]);

  const toggle = () => {
    const next = !open;
    storeInsideOpen(insideStorage(), next);
    if (!next) setView(null);
    setOpen(next);
  };

  return (
    <section className="inside" aria-label="Inside the network">
      <button
        type="button"
        className="inside-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={toggle}
      >
        <span className="inside-caret" aria-hidden="true" />
        Inside the network
        <span className="inside-toggle-hint">
          {open ? 'layer by layer' : 'show the layers and backpropagation'}
        </span>
      </button>
      {open && (
        <div id={bodyId} className="inside-body">
          {!recognizer ? (
            <p className="muted small">No model in use: train one to look inside it.</p>
          ) : (
            <>
              <label className="field field-inline inside-target">
                <span className="field-label">Target class</span>
                <select
                  value={picked === null ? '' : String(picked)}
                  onChange={(e) => setPicked(e.target.value === '' ? null : Number(e.target.value))}
                >
                  <option value="">
                    Top prediction{top !== null && classes[top] ? ` (${classes[top]})` : ''}
                  </option>
                  {classes.map((c, i) => (
                    <option key={c} value={i}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
              {!image && (
                <p className="muted small">
                  Draw, and each layer's output and the error travelling back through them show here.
                </p>
              )}
              {image && view?.backward && <BackwardSection view={view.backward} />}
              {image && view && <ForwardSection view={view} />}
            </>
          )}
          <p className="inside-cost">
            <span className="latency-label">Cost</span>{' '}
            <span className="inside-cost-figures" ref={costRef}>
              measured as you draw
            </span>
          </p>
        </div>
      )}
    </section>
  );
}
