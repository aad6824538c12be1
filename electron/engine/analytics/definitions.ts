import type { Definitions } from '../../../shared/report-types.ts';
import { afterHoursDefinition } from './figures/after-hours.ts';
import { awaitingDefinition } from './figures/awaiting.ts';
import { busiestTimesDefinition } from './figures/busiest-times.ts';
import { comparisonDefinition } from './figures/comparison.ts';
import { coverageDefinition } from './figures/coverage.ts';
import { goingQuietDefinition } from './figures/going-quiet.ts';
import { bytesBySenderDefinition, labelsDefinition } from './figures/labels.ts';
import { networkDefinition } from './figures/network.ts';
import { newslettersDefinition } from './figures/newsletters.ts';
import { relationshipsDefinition } from './figures/relationships.ts';
import { myResponseDefinition, theirResponseDefinition } from './figures/response-time.ts';
import { threadsDefinition } from './figures/threads.ts';
import { topDomainsDefinition } from './figures/top-domains.ts';
import { topRecipientsDefinition } from './figures/top-recipients.ts';
import { topSendersDefinition } from './figures/top-senders.ts';
import { volumeDefinition } from './figures/volume.ts';
import { workingHoursDefinition } from './figures/working-hours.ts';

/** "How is this computed?": the definition shown beside each figure, keyed like the report. */
export const DEFINITIONS = {
  coverage: coverageDefinition,
  volume: volumeDefinition,
  topSenders: topSendersDefinition,
  topRecipients: topRecipientsDefinition,
  topDomains: topDomainsDefinition,
  busiestTimes: busiestTimesDefinition,
  responseTimeMine: myResponseDefinition,
  responseTimeTheirs: theirResponseDefinition,
  workingHours: workingHoursDefinition,
  afterHours: afterHoursDefinition,
  awaiting: awaitingDefinition,
  threads: threadsDefinition,
  newsletters: newslettersDefinition,
  labels: labelsDefinition,
  bytesBySender: bytesBySenderDefinition,
  relationships: relationshipsDefinition,
  goingQuiet: goingQuietDefinition,
  network: networkDefinition,
  comparison: comparisonDefinition,
} as const satisfies Definitions;
