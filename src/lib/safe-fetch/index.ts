export { refusalFor, type AddressRefusal } from './address'
export { allowedHostList, localAllowedHosts } from './allowed-hosts'
export {
  FETCH_TIMEOUT_MS,
  isHtml,
  isImage,
  MAX_PAGE_BYTES,
  MAX_REDIRECTS,
  refusalForAddress,
  safeFetch,
  type FetchedBody,
  type FetchFailure,
  type FetchRefused,
  type SafeFetchOptions,
} from './fetch'
export { LOOPBACK_BY_DESIGN } from './wildcard-names'
