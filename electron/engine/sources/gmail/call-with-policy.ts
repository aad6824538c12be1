/**
 * The one loop every Gmail call of a sync goes through, a single call (one part) or a batch's
 * parts alike: it takes the concurrency slots and the quota, sends, tells the pacer what each part
 * spent, and sends again only the parts that failed, each by its own budget. A 401 refreshes the
 * token once (`AccessTokens` never hands a refused token out again); a server's "Retry after"
 * pauses the whole bucket; other quota and transient failures back off (`RetryPolicy`); a 404 is
 * an answer (`GONE`); anything else stops the sync with an error that says what was refused. The
 * job's signal ends every wait and every request.
 */
import { type CallContext, fatalCallError, reconnectError } from './call-context.ts';
import { cancelledError, throwIfAborted } from './cancellation.ts';
import { classifyThrown, type Failure } from './gmail-errors.ts';
import type { PartCharge, Spend } from './quota-pacer.ts';
import type { GmailCall } from './quota-profile.ts';
import { type CallBudget, freshBudget } from './retry-policy.ts';

/** A part's answer when Gmail no longer has what it asked for (404). */
export const GONE = Symbol('gone');

export interface PolicyCall {
  call: GmailCall;
  /** What the part asked for, as a person reads it in an error ("the message listing"). */
  what: string;
}

export type PartAnswer<T> = { ok: true; body: T } | { ok: false; failure: Failure };

/**
 * Sends the parts at these positions (of the calls given to `callWithPolicy`) with this access
 * token: each part's answer in order (undefined when the answer left it out), or one failure for
 * all of them. An exception is classified as the failure of every part sent.
 */
export type SendParts<T> = (
  token: string,
  positions: readonly number[],
) => Promise<ReadonlyArray<PartAnswer<T> | undefined> | Failure>;

interface PendingPart {
  position: number;
  budget: CallBudget;
  /** 401s to this part in a row; a refused token Gmail had accepted before does not end the call. */
  refusals: number;
}

/**
 * A part refused again after a refresh ends the call (the person must reconnect), unless Gmail had
 * accepted the token that was refused: it expired while the part waited. Bounded all the same.
 */
const MOST_REFUSALS = 4;

/** Runs the calls (≤ the slots' limit) to an answer each, in the order given, or throws. */
export async function callWithPolicy<T>(
  context: CallContext,
  calls: readonly PolicyCall[],
  send: SendParts<T>,
): Promise<Array<T | typeof GONE>> {
  const results: Array<T | typeof GONE> = calls.map(() => GONE);
  let pending: PendingPart[] = calls.map((_, position) => ({
    position,
    budget: freshBudget(),
    refusals: 0,
  }));
  while (pending.length > 0) {
    const spend = await admit(
      context,
      pending.map((part) => calls[part.position]!.call),
    );
    const sending = pending.slice(0, spend.parts);
    const { token, answers } = await sendAdmitted(context, sending, spend, send);
    const retry: PendingPart[] = [];
    let waitMs = 0;
    let quotaWait = false;
    let refresh = false;
    if (answers.some(passedCredentials)) context.tokens.accepted(token);
    for (const [index, part] of sending.entries()) {
      const answer = answers[index]!;
      if (answer.ok) {
        results[part.position] = answer.body;
        continue;
      }
      const failure = answer.failure;
      if (failure.kind === 'notFound') continue;
      if (failure.kind === 'fatal')
        throw fatalCallError(calls[part.position]!.what, failure.status, failure.message);
      retry.push(part);
      if (failure.kind === 'auth') {
        part.refusals += 1;
        const expired = context.tokens.wasAccepted(token);
        if ((part.refusals > 1 && !expired) || part.refusals > MOST_REFUSALS)
          throw reconnectError(context.address);
        refresh = true;
        continue;
      }
      part.refusals = 0;
      const decision = context.policy.decide(failure, part.budget);
      if (decision.until !== null) context.pacer.pauseUntil(decision.until);
      else {
        waitMs = Math.max(waitMs, decision.waitMs);
        quotaWait ||= failure.kind === 'quota';
      }
    }
    if (refresh) await context.tokens.refreshAfterRejection(token);
    if (waitMs > 0) {
      if (quotaWait) context.onQuotaWait(waitMs);
      await context.sleep(waitMs, context.signal);
      throwIfAborted(context.signal);
    }
    pending = [...retry, ...pending.slice(spend.parts)];
  }
  return results;
}

/**
 * Slots first and quota last, so a call counted in a quota window goes out at once. At the end of
 * a window only the parts that still fit in it are granted; the slots of the rest are given back.
 */
async function admit(context: CallContext, calls: readonly GmailCall[]): Promise<Spend> {
  await context.slots.take(calls.length, context.signal);
  let spend: Spend;
  try {
    spend = await context.pacer.acquire(calls, context.signal);
  } catch (error) {
    context.slots.give(calls.length);
    throw error;
  }
  context.slots.give(calls.length - spend.parts);
  return spend;
}

/** Sends the admitted parts, gives their slots back and tells the pacer what each spent. */
async function sendAdmitted<T>(
  context: CallContext,
  parts: readonly PendingPart[],
  spend: Spend,
  send: SendParts<T>,
): Promise<{ token: string; answers: Array<PartAnswer<T>> }> {
  let charges: PartCharge | PartCharge[] = 'free';
  try {
    let token: string;
    let sent: ReadonlyArray<PartAnswer<T> | undefined> | Failure;
    try {
      token = await context.tokens.get();
      charges = 'unknown';
      sent = await send(
        token,
        parts.map((part) => part.position),
      ).catch((error: unknown) => {
        if (context.signal.aborted) throw cancelledError(context.signal);
        return classifyThrown(error, context.now());
      });
    } finally {
      context.slots.give(parts.length);
    }
    const answers = parts.map((_, index) => answerAt(sent, index));
    charges = answers.map(chargeOf);
    return { token, answers };
  } finally {
    spend.settle(charges);
  }
}

function answerAt<T>(sent: ReadonlyArray<PartAnswer<T> | undefined> | Failure, index: number): PartAnswer<T> {
  if (!Array.isArray(sent)) return { ok: false, failure: sent as Failure };
  return (
    sent[index] ?? { ok: false, failure: { kind: 'transient', reason: 'part missing from the batch answer' } }
  );
}

/** What a part spent, as far as its answer tells (see `PartCharge`). */
function chargeOf(answer: PartAnswer<unknown>): PartCharge {
  if (answer.ok || answer.failure.kind === 'notFound') return 'answered';
  return answer.failure.kind === 'quota' || answer.failure.kind === 'auth' ? 'free' : 'unknown';
}

/** Gmail checks credentials first: any answer but a 401 or a server failure means the token was good. */
function passedCredentials<T>(answer: PartAnswer<T>): boolean {
  return answer.ok || answer.failure.kind === 'quota' || answer.failure.kind === 'notFound';
}
