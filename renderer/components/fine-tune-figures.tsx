// Before/after accuracy of a fine-tuned model: on the base dataset's test images (the old classes)
// and on the user's held-out samples (the new ones), with how the run was made.

import type { BeforeAfter, FineTuneReport } from '../../app/shared/types';
import { beforeAfterText } from './measured-figures';

function Row({ title, figures }: { title: string; figures: BeforeAfter }) {
  // A handful of held-out samples: counts right and a note, not "0.0 % → 100.0 %, +100 pt".
  const t = beforeAfterText(figures);
  return (
    <tr>
      <th scope="row" title={figures.on}>
        {title}
        <span className="muted small"> · {figures.on}</span>
        {t.note && <span className="small measured-note">{t.note}</span>}
      </th>
      <td className="num">{t.before}</td>
      <td className="num">{t.after}</td>
      <td className="num">{t.change}</td>
    </tr>
  );
}

export function FineTuneFigures({ report }: { report: FineTuneReport }) {
  return (
    <div className="fine-tune-figures">
      <table className="compare-table" aria-label="Before and after fine-tuning">
        <thead>
          <tr>
            <th scope="col">Right on</th>
            <th scope="col" className="num">
              Before
            </th>
            <th scope="col" className="num">
              After
            </th>
            <th scope="col" className="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {report.base && <Row title="Base classes" figures={report.base} />}
          {report.custom && <Row title="Your held-out samples" figures={report.custom} />}
        </tbody>
      </table>
      <p className="muted small">
        Fine-tuned from {report.baseModelName || report.baseModelId}
        {report.newClasses.length > 0 ? `, adding ${report.newClasses.join(' ')}` : ''}:{' '}
        {report.layers === 'head' ? 'dense head trained on frozen features' : 'every layer trained'},{' '}
        {report.customSamples} samples × {report.copies + 1} (augmented copies),{' '}
        {report.replayed.toLocaleString()} replayed base images, {report.seconds.toFixed(1)} s.
        {report.custom ? '' : ' No samples were held out (a class needs at least 5 for one to be).'}
        {report.custom && report.newClasses.length > 0
          ? ' “Before” counts the new classes as wrong: the base model cannot name them.'
          : ''}
      </p>
    </div>
  );
}
