import { briefSentences } from '../../../shared/brief-text.ts';
import { DocLink } from '../components/DocLink.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { TryAgain } from '../components/TryAgain.tsx';
import { useBriefs } from '../state/brief-store.ts';
import { NeverRead, QuietContacts, ReplyMedians } from './BriefLists.tsx';
import { BriefSection } from './BriefSection.tsx';
import { BriefThreads } from './BriefThreads.tsx';
import { SaveDigestButton } from './SaveDigestButton.tsx';
import { useBrief } from './use-brief.ts';

/** The Brief: what to do today, for the chosen account or all (docs/metrics.md "The Brief"). */
export function BriefView() {
  const { request, envelope, error } = useBrief();
  const fetch = useBriefs((s) => s.fetch);
  if (!envelope) {
    return error ? (
      <TryAgain error={error} onRetry={() => void fetch(request)} />
    ) : (
      <EmptyState title="Preparing your brief…">It opens from the cache after the first time.</EmptyState>
    );
  }
  const { brief } = envelope;
  const words = briefSentences(brief);
  const zone = brief.timeZone;
  const text = brief.definitions;
  return (
    <div className="view-grid brief">
      <header className="figure figure--full brief__header">
        <div>
          <h2 className="brief__title">Your brief</h2>
          <p>{words.asOf}</p>
          <p className="brief-section__how small">
            <span className="muted">{text.brief}</span> <DocLink section="brief" />
          </p>
        </div>
        <SaveDigestButton request={request} />
      </header>
      {error ? <ErrorNote error={error} /> : null}
      <BriefSection section="waitingOnYou" sentence={words.waitingOnYou} definitions={text}>
        <BriefThreads
          label="Waiting on you"
          threads={brief.waitingOnYou.threads}
          who="From"
          request={request}
          timeZone={zone}
        />
        <p className="brief-section__how small">
          <span className="muted">New: {text.briefNewSince}</span> <DocLink section="briefNewSince" />
        </p>
      </BriefSection>
      <BriefSection section="waitingOnThem" sentence={words.waitingOnThem} definitions={text}>
        <BriefThreads
          label="Waiting on them"
          threads={brief.waitingOnThem.threads}
          who="To"
          request={request}
          timeZone={zone}
        />
      </BriefSection>
      <BriefSection section="goingQuiet" sentence={words.goingQuiet} definitions={text}>
        <QuietContacts contacts={brief.goingQuiet} request={request} timeZone={zone} />
      </BriefSection>
      <BriefSection section="replyTime" sentence={words.replyTime} definitions={text}>
        <ReplyMedians reply={brief.replyTime} />
      </BriefSection>
      <BriefSection section="newsletters" sentence={words.newsletters} definitions={text}>
        <NeverRead senders={brief.newsletters.senders} request={request} timeZone={zone} />
      </BriefSection>
      <BriefSection section="coverage" sentence={words.coverage} definitions={text} />
    </div>
  );
}
