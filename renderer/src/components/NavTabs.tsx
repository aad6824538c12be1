import type { KeyboardEvent } from 'react';
import { useView, VIEWS, type ViewName } from '../state/view-store.ts';

const LABELS: Record<ViewName, string> = {
  brief: 'Brief',
  overview: 'Overview',
  people: 'People',
  threads: 'Threads',
  newsletters: 'Newsletters',
  labels: 'Labels',
  activity: 'Activity',
  settings: 'Settings',
};

/** The views as a tab list: arrow keys move between tabs, Enter or a click opens one. */
export function NavTabs() {
  const view = useView((s) => s.view);
  const setView = useView((s) => s.setView);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = VIEWS[(index + step + VIEWS.length) % VIEWS.length]!;
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Views">
      {VIEWS.map((name, index) => (
        <button
          key={name}
          id={`tab-${name}`}
          type="button"
          role="tab"
          className="tab"
          aria-selected={view === name}
          aria-controls="view-panel"
          tabIndex={view === name ? 0 : -1}
          onClick={() => setView(name)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {LABELS[name]}
        </button>
      ))}
    </div>
  );
}

export function viewLabel(view: ViewName): string {
  return LABELS[view];
}
