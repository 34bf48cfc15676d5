// The writer split of the bundled pen handwriting (browser-safe). Whole donors (labs, each a group of
// writers on one tablet) are on one side only: a figure on the test donors is about people no model
// of ours ever saw. Model choices (architecture, mix, epochs, calibration, the "Not sure" threshold)
// are made on the validation donors, which are training donors left out of training for that purpose.

/** The test split: one coarse recording (apa) and two clean ones (uqb, pri). Never trained on. */
export const TEST_DONORS: readonly string[] = ['apa', 'uqb', 'pri'];

/**
 * Left out of a recipe's training for leave-donors-out validation: ibm (22 writers, clean, digits,
 * capitals and small letters alike, so both tasks have one).
 */
export const VALIDATION_DONORS: readonly string[] = ['ibm'];

export type WriterSplit = 'train' | 'test';

export function splitOfDonor(donor: string): WriterSplit {
  return TEST_DONORS.includes(donor) ? 'test' : 'train';
}
