import { Hono, type Context } from 'hono'
import type { Language } from '../../db/schema'
import { isFragmentRequest } from '../../lib/htmx'
import { typedForm, validParams } from '../../lib/validation/form'
import type { AppEnv } from '../../types'
import { authPepper } from '../auth'
import { confirmTokenHolds, readConfirmToken } from './confirm-link'
import { subscriptionMessagesFor } from './messages'
import { normalisedEmail, subscribeForm, tokenParam } from './schemas'
import { subscribe } from './subscribe'
import { ServicePage } from './views/service-page'
import { SubscribeForm, type SubscribeFormState } from './views/subscribe-form'
import { confirmSubscriber, findSubscriber, unsubscribe } from './writes'

const tokenParams = validParams(tokenParam)

const languageOf = (typed: string, fallback: Language): Language =>
  typed === 'en' || typed === 'fr' ? typed : fallback

/** The form's answer: the form alone to htmx, the /subscribe page to a plain form post. */
function answer(
  c: Context<AppEnv>,
  language: Language,
  state: SubscribeFormState,
  status: 200 | 422 | 429,
) {
  c.status(status)
  if (isFragmentRequest(c.req.raw.headers))
    return c.html(<SubscribeForm language={language} state={state} />)
  return c.render(<SubscribeForm language={language} state={state} />, {
    title: subscriptionMessagesFor(language).formTitle,
  })
}

/**
 * Readers' addresses: `/subscribe` (the form, and where it posts), `/subscribe/confirm/<token>`
 * (the signed link of the confirmation message) and `/unsubscribe/<token>` (the link in every
 * message; a POST there is RFC 8058's one-click unsubscribe). No cookie, no session: a mail
 * provider's POST carries neither, nor an Origin.
 */
export const subscriptionRoutes = new Hono<AppEnv>()
  .get('/subscribe', (c) => {
    const language = c.var.site.locale
    return c.render(<SubscribeForm language={language} />, {
      title: subscriptionMessagesFor(language).formTitle,
    })
  })
  .post('/subscribe', typedForm(subscribeForm), async (c) => {
    const typed = c.req.valid('form')
    const language = languageOf(typed.language, c.var.site.locale)
    const t = subscriptionMessagesFor(language)
    const email = normalisedEmail(typed.email)
    if (!email) return answer(c, language, { email: typed.email, error: t.invalidEmail }, 422)
    const outcome = await subscribe(c, email, language)
    if (outcome === 'limited')
      return answer(c, language, { email: typed.email, error: t.tooMany }, 429)
    return answer(c, language, { notice: t.checkInbox }, 200)
  })
  .get('/subscribe/confirm/:token', tokenParams, (c) => {
    const language = c.var.site.locale
    const t = subscriptionMessagesFor(language)
    return c.render(
      <ServicePage
        language={language}
        title={t.confirmTitle}
        lead={t.confirmLead}
        action={`/subscribe/confirm/${encodeURIComponent(c.req.valid('param').token)}`}
        button={t.confirm}
      />,
      { title: t.confirmTitle, noindex: true },
    )
  })
  .post('/subscribe/confirm/:token', tokenParams, async (c) => {
    const { db } = c.var
    const now = Date.now()
    const claim = readConfirmToken(c.req.valid('param').token)
    const subscriber = claim ? await findSubscriber(db, claim.id) : null
    const holds =
      claim &&
      subscriber &&
      (await confirmTokenHolds(authPepper(c.env), claim, subscriber.token, now))
    const language = subscriber?.language ?? c.var.site.locale
    const t = subscriptionMessagesFor(language)
    if (!holds || !subscriber || subscriber.state === 'unsubscribed') {
      c.status(400)
      return c.render(
        <ServicePage language={language} title={t.confirmTitle} lead={t.linkExpired} />,
        { title: t.confirmTitle, noindex: true },
      )
    }
    await confirmSubscriber(db, subscriber.id, now)
    return c.render(<ServicePage language={language} title={t.confirmTitle} lead={t.confirmed} />, {
      title: t.confirmTitle,
      noindex: true,
    })
  })
  .get('/unsubscribe/:token', tokenParams, (c) => {
    const language = c.var.site.locale
    const t = subscriptionMessagesFor(language)
    return c.render(
      <ServicePage
        language={language}
        title={t.unsubscribeTitle}
        lead={t.unsubscribeLead}
        action={`/unsubscribe/${encodeURIComponent(c.req.valid('param').token)}`}
        button={t.unsubscribe}
      />,
      { title: t.unsubscribeTitle, noindex: true },
    )
  })
  // RFC 8058: the provider POSTs `List-Unsubscribe=One-Click`; the page's button posts the same
  // address. Either unsubscribes at once and answers 200, whatever the token was.
  .post('/unsubscribe/:token', tokenParams, async (c) => {
    await unsubscribe(c.var.db, c.req.valid('param').token, Date.now())
    const language = c.var.site.locale
    const t = subscriptionMessagesFor(language)
    return c.render(
      <ServicePage language={language} title={t.unsubscribeTitle} lead={t.unsubscribed} />,
      { title: t.unsubscribeTitle, noindex: true },
    )
  })
