/**
 * Every contract method's name, without its schema: what the preload needs to refuse an unknown
 * name before it crosses, without bundling zod. shared/contract.ts declares each method's
 * arguments and result against this list, and the compiler keeps the two equal.
 */
export const METHOD_NAMES = [
  'app.info',
  'accounts.list',
  'accounts.get',
  'accounts.addAlias',
  'accounts.removeAlias',
  'accounts.suggestAliases',
  'accounts.updateSettings',
  'accounts.forget',
  'accounts.registerGmail',
  'accounts.connectGmail',
  'jobs.list',
  'jobs.get',
  'jobs.retry',
  'jobs.cancel',
  'jobs.pause',
  'jobs.resume',
  'jobs.create',
  'jobs.reportProgress',
  'import.start',
  'import.choosePaths',
  'demo.create',
  'sync.start',
  'analytics.report',
  'analytics.cached',
  'analytics.drilldown',
  'analytics.cacheStats',
  'brief.get',
  'brief.markSeen',
  'brief.digest',
  'brief.saveDigest',
  'messages.stats',
  'diagnostics.export',
  'settings.get',
  'settings.update',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}
