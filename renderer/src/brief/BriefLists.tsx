/** The Brief's other lists: contacts going quiet, newsletters never read, and the two reply-time medians. */

import { durationText } from '../../../shared/brief-text.ts';
import type { BriefReplyTime, NeverReadSender } from '../../../shared/brief-types.ts';
import type { QuietContact } from '../../../shared/report-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { formatCount, formatDay } from '../lib/format.ts';
import type { BriefRequest } from '../state/brief-store.ts';
import { useDrilldown } from '../state/drilldown-store.ts';

/** The report request behind the Brief's 30 days, for the drill-downs of its rows. */
function briefRange(request: BriefRequest) {
  return {
    account: request.account,
    range: { preset: '30' as const, anchor: request.anchor ?? 'auto' },
    ...(request.timeZone ? { timeZone: request.timeZone } : {}),
  };
}

export function QuietContacts({
  contacts,
  request,
  timeZone,
}: {
  contacts: QuietContact[];
  request: BriefRequest;
  timeZone: string;
}) {
  const open = useDrilldown((s) => s.open);
  if (contacts.length === 0) return null;
  return (
    <DataTable
      label="Going quiet"
      rows={contacts}
      rowKey={(contact) => contact.address}
      limit={10}
      columns={[
        {
          header: 'Contact',
          value: (contact) => contact.address,
          cell: (contact: QuietContact) => contact.address,
        },
        {
          header: 'Exchanges',
          value: (contact) => contact.exchanges,
          cell: (contact: QuietContact) => formatCount(contact.exchanges),
          numeric: true,
        },
        {
          header: 'Last',
          value: (contact) => contact.last,
          cell: (contact: QuietContact) => formatDay(contact.last, timeZone),
          numeric: true,
        },
      ]}
      onSelect={(contact) =>
        open({
          title: `Exchanges with ${contact.address}`,
          figure: 'goingQuiet',
          key: contact.address,
          request: briefRange(request),
        })
      }
      selectLabel={(contact) => `Show the exchanges with ${contact.address}`}
    />
  );
}

export function NeverRead({
  senders,
  request,
  timeZone,
}: {
  senders: NeverReadSender[];
  request: BriefRequest;
  timeZone: string;
}) {
  const open = useDrilldown((s) => s.open);
  if (senders.length === 0) return null;
  return (
    <DataTable
      label="Newsletters you never read"
      rows={senders}
      rowKey={(sender) => sender.address}
      limit={10}
      columns={[
        {
          header: 'Sender',
          value: (sender) => sender.address,
          cell: (sender: NeverReadSender) => sender.address,
        },
        {
          header: 'Unread',
          value: (sender) => sender.count,
          cell: (sender: NeverReadSender) => formatCount(sender.count),
          numeric: true,
        },
        {
          header: 'Last received',
          value: (sender) => sender.last,
          cell: (sender: NeverReadSender) => formatDay(sender.last, timeZone),
          numeric: true,
        },
        {
          header: 'Unsubscribe',
          value: (sender) => sender.unsubscribe,
          cell: (sender: NeverReadSender) => <Unsubscribe target={sender.unsubscribe} />,
        },
      ]}
      onSelect={(sender) =>
        open({
          title: `Bulk mail from ${sender.address}`,
          figure: 'newsletters',
          key: sender.address,
          request: briefRange(request),
        })
      }
      selectLabel={(sender) => `Show bulk mail from ${sender.address}`}
    />
  );
}

/** Only https: and mailto: targets become links; the main process opens them outside the app. */
function Unsubscribe({ target }: { target: string | null }) {
  if (!target || !/^(https:|mailto:)/i.test(target)) return <span className="muted">no link given</span>;
  return (
    <a href={target} target="_blank" rel="noopener noreferrer" onClick={(event) => event.stopPropagation()}>
      {target.startsWith('mailto:') ? 'Unsubscribe by e-mail' : 'Unsubscribe'}
    </a>
  );
}

export function ReplyMedians({ reply }: { reply: BriefReplyTime }) {
  const median = (ms: number | null) => (ms === null ? '—' : durationText(ms));
  return (
    <dl className="brief-medians">
      <div>
        <dt>This week</dt>
        <dd>
          {median(reply.thisWeek.medianMs)}{' '}
          <span className="muted small">({formatCount(reply.thisWeek.count)} replies)</span>
        </dd>
      </div>
      <div>
        <dt>Previous four weeks</dt>
        <dd>
          {median(reply.previousFourWeeks.medianMs)}{' '}
          <span className="muted small">({formatCount(reply.previousFourWeeks.count)} replies)</span>
        </dd>
      </div>
    </dl>
  );
}
