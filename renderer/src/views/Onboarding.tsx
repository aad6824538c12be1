import { ConnectGmailCard } from '../components/ConnectGmailCard.tsx';
import { DemoCard } from '../components/DemoCard.tsx';
import { ImportForm } from '../components/ImportForm.tsx';
import { SyncTracker } from '../components/SyncTracker.tsx';

/** First run: nothing connected yet. Three ways in, each saying what it does. */
export function Onboarding() {
  return (
    <main className="onboarding">
      <header className="onboarding__header">
        <h1>Welcome to 360Brief</h1>
        <p className="muted">
          Communication analytics for your mail, computed and kept on this device. Nothing leaves it. Choose
          how to start.
        </p>
      </header>
      <SyncTracker />
      <div className="onboarding__cards">
        <ConnectGmailCard />
        <section className="card" aria-labelledby="import-title">
          <h2 id="import-title">Import a Takeout or mail folder</h2>
          <p>
            Mbox files from Google Takeout, a folder of <code>.mbox</code> or <code>.eml</code> files, or a
            Takeout
            <code>.zip</code>. Labels come from Takeout headers or the folder names.
          </p>
          <ImportForm />
        </section>
        <DemoCard />
      </div>
    </main>
  );
}
