export { displayHost } from '../../../lib/display-host'
import { extractMetadata, type PageMetadata } from './metadata'
import { isHtml, safeFetch, type FetchFailure } from '../../../lib/safe-fetch'

/** `lang` is the page's `<html lang>` as the bookmarklet read it; share targets do not send it. */
export type SharedLink = { url: string; title: string; text: string; lang: string }

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/i

/**
 * The standard share parameters. Many Android apps put the address in `text` (after the title)
 * instead of `url`; it is taken out of the text then, so the text keeps only the words.
 */
export function readSharedLink(query: Record<string, string | undefined>): SharedLink {
  let url = (query.url ?? '').trim()
  let text = (query.text ?? '').trim()
  const title = (query.title ?? '').trim()
  if (!url) {
    const found = URL_IN_TEXT.exec(text)
    if (found) {
      url = found[0]
      text = text.replace(found[0], '').trim()
    }
  }
  return { url, title, text, lang: (query.lang ?? '').trim() }
}

/** Fetches the page once and reads its metadata; `reason` says why not when it cannot. */
export async function readSourcePage(
  url: string,
  allowedHosts: readonly string[],
): Promise<{ ok: true; metadata: PageMetadata } | { ok: false; reason: FetchFailure }> {
  const page = await safeFetch(url, { allowedHosts, accept: isHtml })
  if (!page.ok) return page
  return {
    ok: true,
    metadata: await extractMetadata(page.bytes, page.contentType, page.url, page.truncated),
  }
}
