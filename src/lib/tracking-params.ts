/**
 * Parameters that campaign, ad and newsletter links add. Reader pages never depend on them: the
 * audience counter reads `ref` and `utm_source` from the address itself, outside the page cache.
 */
const TRACKING_NAMES = new Set([
  'ref',
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mkt_tok',
  'srsltid',
  '_ga',
  '_gl',
])
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'mtm_', '_hs']

export function isTrackingParam(name: string) {
  return TRACKING_NAMES.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix))
}
