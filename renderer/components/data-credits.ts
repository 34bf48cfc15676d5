// Who made the data the bundled sets and the built-in models are made from, with the licence and what
// we changed: the Help overlay shows it, because CC BY asks for the credit where people use the work.
// The texts come from the datasets' own registry entries (browser-safe), so there is one copy of each.

import { MNIST } from '../../datasets/bundled-datasets';
import { PEN_DIGITS, UNIPEN_CREDIT } from '../../datasets/handwriting/info';

export interface DataCredit {
  /** What of ours uses it. */
  usedIn: string;
  credit: string;
  licence: string;
  url: string;
  /** What we changed (CC BY asks for it). */
  changes: string;
}

export const DATA_CREDITS: readonly DataCredit[] = [
  {
    usedIn: 'The digits set and the built-in digits model',
    credit: `The MNIST database of handwritten digits, ${MNIST.provenance.authors}.`,
    licence: MNIST.provenance.licence,
    url: MNIST.provenance.url,
    changes: MNIST.provenance.processing,
  },
  {
    usedIn:
      'The pen digits and pen letters sets, the letters set’s real handwriting, and both built-in models',
    credit: UNIPEN_CREDIT,
    licence: PEN_DIGITS.provenance.licence,
    url: PEN_DIGITS.provenance.url,
    changes: PEN_DIGITS.provenance.processing,
  },
  {
    usedIn: 'The letters set’s rendered letters',
    credit:
      'Handwriting fonts of the @fontsource packages and single-stroke fonts of hersheytext (Hershey fonts and EMS single-line fonts).',
    licence: 'OFL-1.1, Apache-2.0 and the Hershey fonts’ permissive terms',
    url: 'https://fontsource.org',
    changes:
      'Letters rendered from the fonts, then slanted, rotated, stretched and distorted; the fonts themselves are not shipped.',
  },
];
