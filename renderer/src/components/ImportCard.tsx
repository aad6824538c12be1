import { ImportForm } from './ImportForm.tsx';

/** Import a Takeout, mbox files or a mail folder. */
export function ImportCard() {
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a Takeout or mail folder</h2>
      <p>
        Mbox files from Google Takeout, a folder of <code>.mbox</code> or <code>.eml</code> files, or a
        Takeout <code>.zip</code>. Labels come from Takeout headers or the folder names. Importing the same
        files again adds nothing.
      </p>
      <ImportForm />
    </section>
  );
}
