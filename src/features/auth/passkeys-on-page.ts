import type { Context } from 'hono'
import type { EditorEnv } from '../../types'
import { listPasskeys } from './passkeys'
import { passkeyMessagesFor } from './passkey-messages'

/** What the account page shows of the editor's passkeys. */
export async function passkeysOnPage(c: Context<EditorEnv>) {
  const { site, db, editor } = c.var
  return {
    p: passkeyMessagesFor(site.locale),
    list: await listPasskeys(db, editor.id),
    locale: site.locale,
    timeZone: site.timeZone,
  }
}

/** The notice after a passkey change (`?passkey=…`), if any. */
export function passkeyNotice(c: Context<EditorEnv>, done: string): string | null {
  const p = passkeyMessagesFor(c.var.site.locale)
  const notices: Record<string, string> = {
    added: p.passkeyAdded,
    removed: p.passkeyRemoved,
    'password-off': p.passwordTurnedOff,
    'password-on': p.passwordTurnedOn,
  }
  return notices[done] ?? null
}
