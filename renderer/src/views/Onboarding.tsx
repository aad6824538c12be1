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
        <section className="card" aria-labelledby="connect-title">
          <h2 id="connect-title">Connect Gmail</h2>
          <p>
            Sign in with Google in your browser; 360Brief reads headers and labels only (never message bodies)
            and keeps syncing in the background.
          </p>
          <p className="muted small">
            Signing in happens in the desktop app's own window. This browser session, served by{' '}
            <code>brief serve</code>, cannot start it: open 360Brief from your applications to connect Gmail.
          </p>
          <button type="button" className="button" disabled>
            Connect Gmail
          </button>
        </section>
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
