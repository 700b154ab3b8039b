// The feature's public surface: the app and other features import only this file.
export { adminAnalyticsCsvRoute, adminAnalyticsRoutes } from './admin-routes'
export { audienceCounter } from './counter'
export { viewsByPath } from './queries'
export { dayOf, MAX_RETENTION_MONTHS, retentionMonths } from './visitor'
export { closePastDays, deleteCountsBefore } from './queries'
export { retentionCutoffDay } from './visitor'
export { audienceShardClass, type AudienceShard } from './shard'
export { closeShardDays, flushAudience } from './shards'
// The subscription form's rate limit keys clients by the same daily-salted hash (never the IP).
export { saltForDay } from './queries'
export { visitorHash } from './visitor'
