// The two halves of the "Inside the network" panel, drawn from its view data (inside-view.ts): the
// backward pass (the output error per class, then the error signal and the gradients layer by layer,
// from the output back) and the forward pass (each layer's output, the first layer's filters).

import { useLayoutEffect, useMemo, useRef } from 'react';
import { barStrip, PANEL_WIDTH, type Pixels, tileImages, tileScale } from './inside-pixels';
import {
  type ActivationRow,
  type BackwardView,
  type FilterView,
  figure,
  type ImageSet,
  type InsideView,
} from './inside-view';

/** Bar strips are drawn this many times larger, at most the panel's width. */
const BAR_SCALE = 2;

/** Tiles in rows that fill the panel once drawn `tileScale` times larger (small maps larger). */
function tiles(p: ImageSet): { pixels: Pixels; scale: number } {
  const scale = tileScale(p.height, p.images.length);
  const rowWidth = Math.floor(PANEL_WIDTH / scale);
  return { pixels: tileImages(p.images, p.height, p.width, p.lo, p.hi, rowWidth), scale };
}

export function BackwardSection({ view }: { view: BackwardView }) {
  return (
    <section className="inside-section" aria-label="Backward pass">
      <h3 className="inside-heading">Backward pass toward {view.targetLabel}</h3>
      <p className="muted small">
        {view.loss} · loss {figure(view.lossValue)} · one step at learning rate {figure(view.learningRate)}
      </p>
      <h4 className="inside-subheading">Output error (actual − desired)</h4>
      <ol className="inside-bars" aria-label="Output error per class">
        {view.errors.map((e) => (
          <li key={e.index} className={`inside-row ${e.isTarget ? 'is-target' : ''}`}>
            <span className="inside-name">{e.label}</span>
            <SignedBar fraction={e.fraction} />
            <span
              className="inside-value"
              title={`actual ${figure(e.actual)} − desired ${figure(e.desired)}`}
            >
              {figure(e.error)}
            </span>
          </li>
        ))}
      </ol>
      <h4 className="inside-subheading">
        The error travelling back: ‖error signal‖ and ‖gradient‖ per layer
      </h4>
      <ol className="inside-bars inside-back" aria-label="Error signal per layer">
        <li className="inside-row inside-start">
          <span
            className="inside-name"
            title="dL/dz at the logits, where backpropagation starts: the output error itself for cross-entropy, the error × σ′(z) for squared error on sigmoid outputs"
          >
            logits
          </span>
          <Bar fraction={view.outputFraction} kind="signal" />
          <span className="inside-value">{figure(view.outputSignal)}</span>
        </li>
        {view.layers.map((l) => (
          <li key={l.index} className="inside-layer" aria-label={`Layer ${l.index}, ${l.type}`}>
            <div className="inside-row">
              <span className="inside-name">
                {l.index} · {l.type}
              </span>
              <Bar fraction={l.fraction} kind="signal" />
              <span className="inside-value">{figure(l.signal)}</span>
            </div>
            {l.gradients.map((g) => (
              <div key={g.name} className="inside-row inside-gradient">
                <span className="inside-name">{g.name}</span>
                <Bar fraction={g.fraction} kind="gradient" />
                <span
                  className="inside-value"
                  title={`one step: ‖Δw‖ = ${figure(g.step)}, ${figure(g.relativeStep * 100)}% of ‖w‖`}
                >
                  {figure(g.norm)}
                </span>
              </div>
            ))}
          </li>
        ))}
      </ol>
      <p className="inside-legend small">
        <span className="inside-key is-signal" aria-hidden="true" /> error signal passed back to the layer
        below <span className="inside-key is-gradient" aria-hidden="true" /> weight gradient (hover: the
        step's size)
      </p>
    </section>
  );
}

export function ForwardSection({ view }: { view: InsideView }) {
  return (
    <section className="inside-section" aria-label="Forward pass">
      <h3 className="inside-heading">Forward pass: what each layer outputs</h3>
      <ol className="inside-layers" aria-label="Layer outputs">
        {view.activations.map((a) => (
          <li key={a.index} className="inside-activation">
            <div className="inside-caption">
              <span className="inside-name">
                {a.index} · {a.type}
              </span>
              <span className="muted">{a.shape}</span>
              <span className="muted">{a.summary}</span>
            </div>
            <ActivationPicture row={a} />
          </li>
        ))}
      </ol>
      {view.filters && <Filters view={view.filters} />}
    </section>
  );
}

function ActivationPicture({ row }: { row: ActivationRow }) {
  const p = row.picture;
  const drawn = useMemo(
    () =>
      p.kind === 'maps'
        ? tiles(p)
        : p.kind === 'bars'
          ? { pixels: barStrip(p.values, p.lo, p.hi), scale: BAR_SCALE }
          : null,
    [p],
  );
  if (!drawn) return <p className="muted small">the same values, in one row</p>;
  const more =
    p.kind === 'maps' && p.total > p.images.length ? ` (first ${p.images.length} of ${p.total})` : '';
  return <PixelCanvas pixels={drawn.pixels} label={`${row.label}${more}`} scale={drawn.scale} />;
}

function Filters({ view }: { view: FilterView }) {
  const { pixels, scale } = useMemo(() => tiles(view), [view]);
  const more = view.total > view.images.length ? ` (first ${view.images.length} of ${view.total})` : '';
  return (
    <figure className="inside-filters">
      <figcaption className="inside-subheading">
        First layer's filters{more}: grey is 0, white positive, black negative
      </figcaption>
      <PixelCanvas pixels={pixels} label={`${view.label}${more}`} scale={scale} />
    </figure>
  );
}

function PixelCanvas({ pixels, label, scale }: { pixels: Pixels; label: string; scale: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  // A layout effect: painted inside the commit the panel times.
  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(pixels.rgba, pixels.width, pixels.height), 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={ref}
      width={pixels.width}
      height={pixels.height}
      className="inside-pixels"
      role="img"
      aria-label={label}
      style={{ width: `${pixels.width * scale}px` }}
    />
  );
}

function Bar({ fraction, kind }: { fraction: number; kind: 'signal' | 'gradient' }) {
  return (
    <span className="inside-track" aria-hidden="true">
      <span
        className={`inside-fill is-${kind} ${fraction > 0 ? 'is-nonzero' : ''}`}
        style={{ width: `${Math.min(1, fraction) * 100}%` }}
      />
    </span>
  );
}

/** From the centre line: right for actual above desired, left for below. */
function SignedBar({ fraction }: { fraction: number }) {
  const f = Math.max(-1, Math.min(1, fraction));
  return (
    <span className="inside-track is-signed" aria-hidden="true">
      <span
        className={`inside-fill ${f < 0 ? 'is-below' : 'is-above'} ${f !== 0 ? 'is-nonzero' : ''}`}
        style={{ left: `${f < 0 ? 50 + f * 50 : 50}%`, width: `${Math.abs(f) * 50}%` }}
      />
    </span>
  );
}
