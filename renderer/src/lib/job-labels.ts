import type { JobType } from '../../../shared/domain.ts';

export const JOB_LABELS: Record<JobType, string> = {
  fetch_messages: 'First sync',
  sync_history: 'Sync',
  import_mail: 'Import',
  compute_analytics: 'Computing figures',
  warm_cache: 'Preparing common views',
  cleanup: 'Cleanup',
};
