import type { MailMessage } from '../../lib/mail'
import { postPath } from '../../lib/addresses'
import { decodeEntities, withoutControlCharacters } from '../../lib/plain-text'
import { subscriptionMessagesFor } from './messages'

export type MailedPost = {
  slug: string
  title: string
  excerpt: string
  html: string
  language: string
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  )

/** Sanitized HTML as plain text that keeps its paragraphs, for plain-text mail clients. */
export function paragraphsOf(html: string): string {
  const text = html
    .replace(/<\/(p|h\d|li|blockquote|pre|figcaption|tr)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
  return withoutControlCharacters(decodeEntities(text))
    .split(/\n{2,}/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}

/**
 * The post's addresses made absolute (images and links from a mail client have no site to be
 * relative to). Only the site's own addresses change: nothing is rewritten to pass through it.
 */
export function absoluteAddresses(html: string, siteUrl: string): string {
  return html
    .replace(/(\s(?:src|href|poster)=")\/(?!\/)/g, `$1${siteUrl}/`)
    .replace(/(\ssrcset=")([^"]*)"/g, (_, start: string, list: string) => {
      const fixed = list.replace(/(^|,\s*)\/(?!\/)/g, `$1${siteUrl}/`)
      return `${start}${fixed}"`
    })
}

export type PostMail = {
  /** Everything but the recipient and their unsubscribe address: made once per batch. */
  forRecipient(to: string, unsubscribeUrl: string): MailMessage
}

/**
 * One post as a message: subject = the title, the full post or its excerpt with a link (a
 * setting), in the post's language; light and dark clients alike (no colours are forced), and a
 * plain-text part. No tracking: no pixel, no image or link made for a recipient, no redirect; the
 * only per-recipient address is the unsubscribe link, which goes straight to this site.
 */
export function postMail(
  post: MailedPost,
  options: { siteUrl: string; siteName: string; fullPost: boolean },
): PostMail {
  const t = subscriptionMessagesFor(post.language)
  const url = `${options.siteUrl}${postPath(post.slug)}`
  // A title is one line in a header: controls (a line break above all) become spaces.
  const subject = withoutControlCharacters(post.title).replace(/\s+/g, ' ').trim() || url
  const bodyHtml = options.fullPost
    ? absoluteAddresses(post.html, options.siteUrl)
    : `<p>${escapeHtml(post.excerpt)}</p>`
  const bodyText = options.fullPost ? paragraphsOf(post.html) : post.excerpt
  const head = `<!doctype html><html lang="${escapeHtml(post.language)}"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><title>${escapeHtml(subject)}</title></head>`
  return {
    forRecipient(to, unsubscribeUrl) {
      const html = `${head}<body style="font-family:Georgia,serif;line-height:1.55;max-width:40em;margin:0 auto;padding:1em"><h1 style="font-size:1.6em;line-height:1.2"><a href="${escapeHtml(url)}">${escapeHtml(subject)}</a></h1>${bodyHtml}<p><a href="${escapeHtml(url)}">${escapeHtml(t.readOnline)}</a></p><hr><p style="font-size:.85em">${escapeHtml(t.whyFooter(options.siteName))} <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(t.unsubscribeFooter)}</a></p></body></html>`
      const text = `${subject}\n\n${bodyText}\n\n${t.readOnline}: ${url}\n\n-- \n${t.whyFooter(options.siteName)}\n${t.unsubscribeFooter}: ${unsubscribeUrl}\n`
      return {
        to,
        subject,
        text,
        html,
        language: post.language,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }
    },
  }
}
