import { ConnectGmailCard } from '../components/ConnectGmailCard.tsx';
import { DemoCard } from '../components/DemoCard.tsx';
import { ImportCard } from '../components/ImportCard.tsx';
import { ImportResults } from '../components/ImportResults.tsx';
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
      <ImportResults />
      <div className="onboarding__cards">
        <ConnectGmailCard />
        <ImportCard />
        <DemoCard />
      </div>
    </main>
  );
}
