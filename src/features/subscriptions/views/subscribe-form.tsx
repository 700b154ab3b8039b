import type { Language } from '../../../db/schema'
import { subscriptionMessagesFor } from '../messages'

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' }

export type SubscribeFormState = {
  email?: string
  error?: string | null
  notice?: string | null
}

/**
 * **Get new posts by email**: a plain form (works without JavaScript), enhanced by htmx to answer
 * in place. Nothing in it is per visitor, so pages that carry it stay cacheable and cookie-free.
 */
export function SubscribeForm({
  language,
  state = {},
}: {
  language: Language
  state?: SubscribeFormState
}) {
  const t = subscriptionMessagesFor(language)
  const other: Language = language === 'fr' ? 'en' : 'fr'
  return (
    <form
      class="subscribe-form"
      method="post"
      action="/subscribe"
      hx-post="/subscribe"
      hx-swap="outerHTML"
      lang={language}
    >
      <h2>{t.formTitle}</h2>
      {state.notice ? (
        <p role="status" class="subscribe-notice">
          {state.notice}
        </p>
      ) : (
        <>
          <p>
            <label for="subscribe-email">{t.email}</label>{' '}
            <input
              id="subscribe-email"
              type="email"
              name="email"
              required
              autocomplete="email"
              value={state.email ?? ''}
              aria-invalid={state.error ? 'true' : undefined}
              aria-describedby={state.error ? 'subscribe-error' : 'subscribe-consent'}
            />{' '}
            <label for="subscribe-language">{t.language}</label>{' '}
            <select id="subscribe-language" name="language">
              <option value={language} selected>
                {LANGUAGE_NAMES[language]}
              </option>
              <option value={other}>{LANGUAGE_NAMES[other]}</option>
            </select>{' '}
            <button type="submit">{t.subscribe}</button>
          </p>
          {state.error && (
            <p class="field-error" id="subscribe-error" role="alert">
              {state.error}
            </p>
          )}
          <p class="subscribe-consent" id="subscribe-consent">
            <small>{t.consent}</small>
          </p>
        </>
      )}
    </form>
  )
}
