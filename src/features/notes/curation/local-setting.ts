// The setting is the outbound fetcher's; curation reads it under the name it has always had.
export { localAllowedHosts as curationAllowedHosts } from '../../../lib/safe-fetch'
