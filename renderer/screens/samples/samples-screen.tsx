// Samples: the person's own labelled glyphs. Draw, pick a label, press Enter; manage classes;
// import image files, a CSV file or an IDX pair by dialog or by dropping them here; export the set
// as an image folder, IDX or CSV.

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { FileGrant, InputOf } from '../../../app/shared/api';
import { api } from '../../api';
import { hasInk, toStrokeData } from '../../canvas/stroke-machine';
import { DrawingCanvas } from '../../components/drawing-canvas';
import { ChoiceField } from '../../components/field';
import { glyphInput } from '../../inference/glyph-input';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';
import { ClassPanel } from './class-panel';
import { IMPORT_EXTENSIONS, importNotice, importPlan } from './import-files';
import { RenameForm } from './rename-form';
import { ReviewPanel } from './review-panel';
import { SampleGallery } from './sample-gallery';

type SetFormat = NonNullable<InputOf<'datasets:export'>['format']>;
/** The export formats, as the picker and the save dialog's title name them. */
const SET_FORMAT_NAMES: Record<SetFormat, string> = { folder: 'Image folder', idx: 'IDX', csv: 'CSV' };
const SET_FORMATS = (Object.keys(SET_FORMAT_NAMES) as SetFormat[]).map((id) => ({
  id,
  title: SET_FORMAT_NAMES[id],
}));

export function SamplesScreen() {
  const { datasets, strokes, brushSize, notify, command, setCommand, visit } = useApp();
  const custom = datasets.items.filter((d) => d.custom);
  // The set this visit was opened for (Train's "Review in Samples"), else the first.
  const [setId, setSetId] = useState(() => (visit.screen === 'samples' ? (visit.setId ?? '') : ''));
  const dataset = custom.find((d) => d.id === setId) ?? custom[0] ?? null;
  const [label, setLabel] = useState('');
  const current = dataset?.classes.includes(label) ? label : (dataset?.classes[0] ?? '');
  const snap = useSyncExternalStore(strokes.subscribe, strokes.getSnapshot);
  const [dragging, setDragging] = useState(false);
  const [exportFormat, setExportFormat] = useState<SetFormat>('folder');

  const save = useCallback(() => {
    const s = strokes.getSnapshot();
    // Enter on an empty canvas or without a class says why nothing was saved.
    const missing = whyNotSaved(!!dataset, !!current, hasInk(s));
    if (missing || !dataset) {
      notify('error', missing ?? 'Create a set first.');
      return;
    }
    const image = glyphInput(s);
    api()
      .samples.add({
        datasetId: dataset.id,
        label: current,
        image: new Float32Array(image),
        strokes: toStrokeData(s),
      })
      .then(() => {
        strokes.clear();
        notify('success', `Saved a sample of “${current}”.`);
      })
      .catch((e: unknown) => notify('error', `The sample was not saved: ${errorMessage(e)}`));
  }, [dataset, current, strokes, notify]);
  // Enter, through the shell.
  useEffect(() => {
    if (command !== 'save-sample') return;
    setCommand(null);
    save();
  }, [command, setCommand, save]);

  // Files reach main only as grants: from its open dialog, or from a drop through the preload. Image
  // files become samples of the class picked; one CSV file or an IDX pair is a whole labelled set.
  const importFiles = (files: FileGrant[]) => {
    if (!dataset || files.length === 0) return;
    const plan = importPlan(files.map((f) => f.name));
    if (plan.kind === 'refused') {
      notify('error', plan.reason);
      return;
    }
    const grants = files.map((f) => f.grant);
    const done =
      plan.kind === 'images'
        ? api().samples.import({ datasetId: dataset.id, label: current || undefined, grants })
        : api().datasets.import({ id: dataset.id, format: plan.format, grants });
    const from = plan.kind === 'set' ? files.map((f) => f.name).join(' + ') : undefined;
    done
      .then((report) => {
        const { kind, text } = importNotice(report, from);
        notify(kind, text);
      })
      .catch((e: unknown) => notify('error', `Nothing was imported: ${errorMessage(e)}`));
  };
  const importByDialog = () =>
    api()
      .dialog.openFiles({
        title: 'Import images, a CSV file or an IDX pair',
        extensions: IMPORT_EXTENSIONS,
        folders: false,
      })
      .then(importFiles)
      .catch((e: unknown) => notify('error', errorMessage(e)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once per menu command.
  useEffect(() => {
    if (command !== 'import-images' || !dataset) return;
    setCommand(null);
    importByDialog();
  }, [command, dataset]);
  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    // The preload turns each dropped File into a read grant (webUtils.getPathForFile, then main).
    const bridge = window.glyphFiles;
    const dropped = [...e.dataTransfer.files];
    if (!bridge || dropped.length === 0) {
      notify('error', 'Could not read the dropped files; use “Import…” instead.');
      return;
    }
    Promise.all(dropped.map((f) => bridge.grantFor(f)))
      .then(importFiles)
      .catch((error: unknown) => notify('error', errorMessage(error)));
  };
  // The set as a folder in the format chosen, written whole; an existing folder we did not write gets
  // the export in a new folder inside it.
  const exportSet = async () => {
    if (!dataset) return;
    const target = await api()
      .dialog.saveFile({
        title: `Export ${dataset.title} (${SET_FORMAT_NAMES[exportFormat]})`,
        defaultName: slug(dataset.title),
        extensions: [],
      })
      .catch((e: unknown) => notify('error', errorMessage(e)));
    if (!target) return;
    api()
      .datasets.export({ id: dataset.id, format: exportFormat, grant: target.grant })
      .then((r) =>
        notify(
          'success',
          `Exported ${dataset.title} to ${r.path}: ${r.images} sample${r.images === 1 ? '' : 's'} in ${r.classes} class${r.classes === 1 ? '' : 'es'}.`,
        ),
      )
      .catch((e: unknown) => notify('error', errorMessage(e)));
  };
  const createSet = (title: string) =>
    api()
      .datasets.create({ title, classes: [] })
      .then((d) => setSetId(d.id))
      .catch((e: unknown) => notify('error', errorMessage(e)));

  if (!dataset) {
    return (
      <div className="empty-state card">
        <h2>Teach the network your own glyphs</h2>
        <p>
          Create a set, add classes (any label — a letter, a symbol like ★, a word), draw a few examples of
          each and train a model on them from the Train screen.
        </p>
        <NewSetForm onCreate={createSet} primary />
      </div>
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the whole screen is a drop target for image files; the dialog button is the keyboard path.
    <div
      className={`samples-screen ${dragging ? 'is-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="screen-bar">
        <ChoiceField
          label="Set"
          className="field-inline"
          value={dataset.id}
          choices={custom}
          onChange={setSetId}
        />
        <SetActions id={dataset.id} title={dataset.title} />
        <NewSetForm onCreate={createSet} />
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          onClick={importByDialog}
          title="Image files into the class picked, or a whole set from a CSV file or an IDX images + labels pair"
        >
          Import…
        </button>
        <ChoiceField
          label="Export format"
          className="field-inline"
          value={exportFormat}
          choices={SET_FORMATS}
          onChange={setExportFormat}
        />
        <button type="button" className="btn" onClick={exportSet}>
          Export set…
        </button>
      </div>
      <ReviewPanel dataset={dataset} />
      <section className="card samples-draw" aria-label="Draw a sample">
        <DrawingCanvas
          machine={strokes}
          brushSize={brushSize}
          hint={current ? `Draw “${current}”` : 'Add a class first'}
        />
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => strokes.clear()} disabled={!hasInk(snap)}>
            Clear
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={save}
            disabled={!hasInk(snap) || !current}
          >
            Save as “{current || '…'}” <kbd>Enter</kbd>
          </button>
        </div>
      </section>
      <section className="card samples-classes" aria-label="Classes">
        <h2>Classes</h2>
        <ClassPanel dataset={dataset} selected={current} onSelect={setLabel} />
      </section>
      <section className="card samples-gallery" aria-label="Gallery">
        <h2>{current ? `Samples of “${current}”` : 'Samples'}</h2>
        {/* Above the gallery: the notices show at the bottom right and must not cover it. */}
        <p className="muted small drop-hint">
          Drop image files anywhere here to import them as “{current || '…'}”, or a CSV file or an IDX pair to
          import a whole set.
        </p>
        <SampleGallery dataset={dataset} label={current} />
      </section>
    </div>
  );
}

/** Why Enter (or Save) saved nothing, in words; null when it can save. */
export function whyNotSaved(hasSet: boolean, hasClass: boolean, hasInk: boolean): string | null {
  if (!hasSet) return 'Create a set first: name it above and press Create set.';
  if (!hasClass) return 'Add a class first: type its label under Classes and press Add class.';
  if (!hasInk) return 'Nothing to save: draw the sample on the canvas first.';
  return null;
}

function slug(s: string): string {
  return s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'samples';
}

function NewSetForm({ onCreate, primary }: { onCreate: (title: string) => void; primary?: boolean }) {
  const [title, setTitle] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) onCreate(title.trim());
        setTitle('');
      }}
    >
      <input
        aria-label="New set name"
        placeholder="New set name"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className={`btn ${primary ? 'btn-primary' : ''}`} disabled={!title.trim()}>
        Create set
      </button>
    </form>
  );
}

/** Rename or delete the chosen set (its samples go with it). */
function SetActions({ id, title }: { id: string; title: string }) {
  const { notify } = useApp();
  const [renaming, setRenaming] = useState(false);
  const fail = (e: unknown) => notify('error', errorMessage(e));
  if (renaming)
    return (
      <RenameForm
        label="New set title"
        name={title}
        maxLength={200}
        onSave={(name) =>
          api()
            .datasets.rename({ id, title: name })
            .then(() => setRenaming(false), fail)
        }
        onCancel={() => setRenaming(false)}
      />
    );
  return (
    <>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setRenaming(true)}>
        Rename set
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small btn-danger-text"
        onClick={() => {
          if (window.confirm(`Delete the set “${title}” and all its samples?`))
            api().datasets.delete({ id }).catch(fail);
        }}
      >
        Delete set
      </button>
    </>
  );
}
