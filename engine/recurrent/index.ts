// Recurrent backpropagation: the fixed-point layer, registered with the layer registry on import.

import { registerLayer } from '../registry';
import { fixedPointFromJSON } from './fixed-point';

registerLayer('fixedPoint', fixedPointFromJSON);

export {
  FIXED_POINT_DEFAULTS,
  FixedPoint,
  FixedPointError,
  type FixedPointOptions,
  type FixedPointStats,
  fixedPointFromJSON,
} from './fixed-point';
export { spectralNorm } from './spectral';
