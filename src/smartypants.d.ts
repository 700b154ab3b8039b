declare module 'smartypants' {
  /** Text or HTML with curly quotes, dashes and ellipses as HTML entities; tags and code kept. */
  export function smartypants(text: string, mode?: number | string): string
  /** The same, with Unicode characters instead of entities. */
  export function smartypantsu(text: string, mode?: number | string): string
}
