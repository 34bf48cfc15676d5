// "What the network sees": the 28×28 input, large and captioned, with the saliency overlay ("where it
// looked") drawn over an upscaled copy, its colour legend, and the switch that turns it on.

import { useMemo } from 'react';
import { GLYPH_SIDE } from '../../canvas/glyph-pixels';
import { saliencyView } from '../../canvas/saliency-view';
import { GlyphImage } from '../../components/glyph-image';
import { RgbaCanvas } from '../../components/rgba-canvas';

/** The overlay's canvas is 28 × this: smooth heat regions over square network pixels. */
const OVERLAY_FACTOR = 8;

export function NetworkView({
  image,
  saliency,
  showSaliency,
  onToggleSaliency,
}: {
  image: Float32Array | null;
  saliency: Float32Array | null;
  showSaliency: boolean;
  onToggleSaliency: () => void;
}) {
  return (
    <figure className="network-view">
      <div className="network-frame">
        <GlyphImage
          image={image}
          scale={255}
          className="glyph-large"
          label="What the network sees (28 × 28)"
        />
        {image && showSaliency && saliency && <SaliencyOverlay image={image} saliency={saliency} />}
        {!image && (
          <p className="network-empty">
            Draw on the left: the network's 28 × 28 view of your drawing shows here.
          </p>
        )}
      </div>
      <figcaption className="network-caption">What the network sees (28 × 28)</figcaption>
      <button
        type="button"
        role="switch"
        aria-checked={showSaliency}
        className="switch"
        onClick={onToggleSaliency}
        title="H"
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span>Where it looked</span>
        <span className="switch-state" aria-hidden="true">
          {showSaliency ? 'On' : 'Off'}
        </span>
      </button>
      {showSaliency && (
        <div className="heat-legend">
          <span>weak</span>
          <span className="heat-ramp" aria-hidden="true" />
          <span>strong</span>
          <span className="sr-only">
            Colours show how strongly each pixel pushed the network toward its answer.
          </span>
        </div>
      )}
    </figure>
  );
}

function SaliencyOverlay({ image, saliency }: { image: Float32Array; saliency: Float32Array }) {
  const rgba = useMemo(() => saliencyView(image, saliency, OVERLAY_FACTOR), [image, saliency]);
  return (
    <RgbaCanvas
      rgba={rgba}
      side={GLYPH_SIDE * OVERLAY_FACTOR}
      className="glyph-large saliency-overlay"
      label="Where the network looked: warm colours pushed it toward its answer"
    />
  );
}
