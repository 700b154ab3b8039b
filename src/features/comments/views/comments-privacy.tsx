import type { Locale } from '../../../i18n/site'
import { commentMessagesFor } from '../messages'

/** The privacy page's section on comments: what one stores, and for how long. */
export function CommentsPrivacy({ locale }: { locale: Locale }) {
  const m = commentMessagesFor(locale)
  return (
    <>
      <h2>{m.heading}</h2>
      <p>{m.privacy}</p>
    </>
  )
}
