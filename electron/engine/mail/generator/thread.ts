import type { Person } from './people.ts';
import type { BulkSender, MailingList } from './senders.ts';
import type { Header } from './types.ts';

export type ThreadKind = 'conversation' | 'newsletter' | 'service' | 'list' | 'spam';

/** Who writes a thread's next message. */
export type Step = 'me' | 'contact' | 'auto-reply' | 'echo' | 'draft';

/** The state of one open thread: all the generator keeps between a thread's messages. */
export interface Thread {
  kind: ThreadKind;
  /** Start order: breaks ties between threads due at the same instant, deterministically. */
  order: number;
  threadId: string;
  /** Messages still to come, this one included. */
  remaining: number;
  nextTime: number;
  step: Step;
  /** The contact who writes next (for 'contact' and 'auto-reply'). */
  speaker: Person | null;
  /** The subject as first written, decoded. */
  subject: string;
  /** Message-IDs so far, oldest first. */
  references: string[];
  lastAuthor: Person | null;
  lastTime: number;
  lastBody: string;
  /** The identity the user writes from in this thread. */
  me: Person;
  people: Person[];
  archived: boolean;
  userLabel: string | null;
  list: MailingList | null;
  sender: BulkSender | null;
}

/** One composed message before the generator gives it its id, size and time. */
export interface Composed {
  labelIds: string[];
  headers: Header[];
  body: string;
}
