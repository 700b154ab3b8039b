import type { Locale } from '../../../i18n/site'
import { commentAdminMessagesFor } from '../messages'

/**
 * The post form's "Close comments" box. Named for closing, so a form without it (an older form,
 * a script) leaves comments open, as they are by default.
 */
export function CommentsClosedField({ locale, closed }: { locale: Locale; closed: boolean }) {
  const k = commentAdminMessagesFor(locale)
  return (
    <label class="check">
      <input type="checkbox" name="commentsClosed" value="on" checked={closed} /> {k.closeComments}
    </label>
  )
}
