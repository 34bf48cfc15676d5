// im2col / col2im for NCHW convolution: one sample's receptive fields laid out as the columns of a
// [C·KH·KW, OH·OW] matrix, so a convolution becomes one GEMM: out[F, OH·OW] = W[F, C·KH·KW] · col.
// Row r = (c·KH + ky)·KW + kx; column = oy·OW + ox; padded positions read 0 (im2col) or are dropped
// (col2im). The layout costs KH·KW times the input in memory but turns the convolution into the
// fastest kernel we have; for 28×28 inputs and 5×5 kernels that is a few MB per batch.

export interface ConvGeometry {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly outH: number;
  readonly outW: number;
}

/**
 * col[C·KH·KW, OH·OW] (at colOffset) ← receptive fields of x[C, H, W] (at xOffset). Rows of col are
 * `colStride` apart (default OH·OW): a batch's samples side by side, [C·KH·KW, B·OH·OW], use
 * colStride = B·OH·OW and colOffset = b·OH·OW.
 */
export function im2col(
  g: ConvGeometry,
  x: Float32Array,
  xOffset: number,
  col: Float32Array,
  colOffset: number,
  colStride = g.outH * g.outW,
): void {
  const { channels, height, width, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW } = g;
  let row = colOffset;
  for (let c = 0; c < channels; c++) {
    const plane = xOffset + c * height * width;
    for (let ky = 0; ky < kernelH; ky++) {
      for (let kx = 0; kx < kernelW; kx++, row += colStride) {
        const [lo, hi] = insideColumns(kx, padLeft, strideW, width, outW);
        let dst = row;
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * strideH - padTop + ky;
          if (iy < 0 || iy >= height) {
            col.fill(0, dst, dst + outW);
            dst += outW;
            continue;
          }
          // the padding columns, then a branch-free run over the pixels inside the image
          const src = plane + iy * width + kx - padLeft;
          for (let ox = 0; ox < lo; ox++) col[dst++] = 0;
          if (strideW === 1) for (let ox = lo, s = src + lo; ox < hi; ox++) col[dst++] = x[s++];
          else for (let ox = lo; ox < hi; ox++) col[dst++] = x[src + ox * strideW];
          for (let ox = hi; ox < outW; ox++) col[dst++] = 0;
        }
      }
    }
  }
}

/**
 * dx[C, H, W] (at dxOffset) += scatter of dCol[C·KH·KW, OH·OW]: the adjoint of im2col (same colStride).
 * Its loop nest mirrors im2col's on purpose (a gather there, a scatter-add here): the geometry they
 * share is one function (`insideColumns`), and folding the two nests into one walker would put a
 * callback in the TypeScript fallback's innermost loop (not measured; the WebAssembly path does not
 * run these loops).
 */
export function col2im(
  g: ConvGeometry,
  dCol: Float32Array,
  colOffset: number,
  dx: Float32Array,
  dxOffset: number,
  colStride = g.outH * g.outW,
): void {
  const { channels, height, width, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW } = g;
  let row = colOffset;
  for (let c = 0; c < channels; c++) {
    const plane = dxOffset + c * height * width;
    for (let ky = 0; ky < kernelH; ky++) {
      for (let kx = 0; kx < kernelW; kx++, row += colStride) {
        const [lo, hi] = insideColumns(kx, padLeft, strideW, width, outW);
        let src = row;
        for (let oy = 0; oy < outH; oy++) {
          const iy = oy * strideH - padTop + ky;
          if (iy < 0 || iy >= height) {
            src += outW;
            continue;
          }
          const dst = plane + iy * width + kx - padLeft;
          if (strideW === 1) for (let ox = lo, d = dst + lo; ox < hi; ox++) dx[d++] += dCol[src + ox];
          else for (let ox = lo; ox < hi; ox++) dx[dst + ox * strideW] += dCol[src + ox];
          src += outW;
        }
      }
    }
  }
}

/**
 * The output columns [lo, hi) whose input column ox·stride − pad + kx lies inside [0, width): the rest
 * read padding. Hoisting this test out of the pixel loop makes that loop branch-free (im2col on M2
 * spends most of its time there).
 */
function insideColumns(
  kx: number,
  pad: number,
  stride: number,
  width: number,
  outW: number,
): [number, number] {
  const first = pad - kx; // ox·stride ≥ first
  const lo = Math.min(outW, Math.max(0, Math.ceil(first / stride)));
  const hi = Math.max(lo, Math.min(outW, Math.floor((width - 1 + first) / stride) + 1));
  return [lo, hi];
}

export type Padding = 'same' | 'valid' | number;

/**
 * Output size and padding of one spatial axis. 'valid': no padding; 'same': out = ceil(in / stride)
 * with the padding split as TensorFlow does (the extra pixel, if any, at the bottom/right);
 * a number: that many zeros on both sides.
 */
export function convAxis(
  size: number,
  kernel: number,
  stride: number,
  padding: Padding,
): { out: number; padBefore: number } {
  if (padding === 'same') {
    const out = Math.ceil(size / stride);
    const total = Math.max(0, (out - 1) * stride + kernel - size);
    return { out, padBefore: Math.floor(total / 2) };
  }
  const pad = padding === 'valid' ? 0 : padding;
  const out = Math.floor((size + 2 * pad - kernel) / stride) + 1;
  if (out < 1)
    throw new Error(`convolution: kernel ${kernel} does not fit input ${size} with padding ${pad}`);
  return { out, padBefore: pad };
}
