import * as v from 'valibot'
import { typedText } from '../../lib/validation/form'

const FALLBACK_NEXT = '/admin/posts'

/**
 * Where to go after logging in: an admin path of this site, in printable ASCII (a CR, LF or NUL
 * decoded from `%0a` cannot reach the Location header), else the post list.
 */
export function safeNext(next: string): string {
  const sameSiteAdminPath =
    /^\/admin(?:[/?][\x21-\x7e]*)?$/.test(next) && !next.includes('//') && !next.includes('\\')
  return sameSiteAdminPath ? next : FALLBACK_NEXT
}

const nextField = v.pipe(typedText, v.transform(safeNext))

export const loginQuery = v.object({ next: nextField })

export const loginForm = v.object({
  email: typedText,
  password: typedText,
  next: nextField,
})
