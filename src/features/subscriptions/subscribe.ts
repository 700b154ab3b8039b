import type { Context } from 'hono'
import type { Language } from '../../db/schema'
import { mailerFor } from '../../lib/mail'
import type { AppEnv } from '../../types'
import { authPepper } from '../auth'
import { CONFIRM_LINK_MS, confirmToken } from './confirm-link'
import { subscriptionMessagesFor } from './messages'
import { allowAttempt } from './rate-limit'
import { upsertPending } from './writes'

export type SubscribeOutcome = 'sent' | 'limited'

/**
 * A subscribe request for a checked address. Whatever the address was (new, pending, confirmed,
 * unsubscribed), the answer is the same, and mail goes out after the response (waitUntil), so
 * neither the page nor its timing says whether it was subscribed. Only a pending subscriber gets
 * a message, and it is the confirmation: nothing else is sent before they confirm.
 */
export async function subscribe(
  c: Context<AppEnv>,
  email: string,
  language: Language,
  now = Date.now(),
): Promise<SubscribeOutcome> {
  const { db, site } = c.var
  const client = {
    ip: c.req.header('CF-Connecting-IP') ?? '',
    host: new URL(c.req.url).host,
  }
  if (!(await allowAttempt(db, client, site.timeZone, now))) return 'limited'
  const subscriber = await upsertPending(db, email, language, now)
  if (subscriber.state !== 'pending') return 'sent'
  const token = await confirmToken(authPepper(c.env), subscriber, now + CONFIRM_LINK_MS)
  const link = `${site.url}/subscribe/confirm/${token}`
  const t = subscriptionMessagesFor(subscriber.language)
  const mailer = mailerFor(c)
  const sending = mailer
    .sendMail({
      to: email,
      subject: t.confirmSubject(site.name),
      text: `${t.confirmBody(site.name)}\n\n${link}\n\n${t.confirmIgnore}\n`,
      html: `<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"></head><body><p>${escape(t.confirmBody(site.name))}</p><p><a href="${escape(link)}">${escape(link)}</a></p><p>${escape(t.confirmIgnore)}</p></body></html>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
      language: subscriber.language,
    })
    .catch((error) => console.error('The confirmation message was not sent:', error))
  c.executionCtx.waitUntil(sending)
  return 'sent'
}

const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!,
  )
