import { Hono, type Context } from 'hono'
import { timeZoneChoices } from '../../lib/time-zones'
import { typedForm } from '../../lib/validation/form'
import type { AdminEnv, EditorEnv } from '../../types'
import { requireEditor, requireOwner } from '../auth'
import { settingsMessagesFor } from './messages'
import { readSiteSettings } from './queries'
import { saveSettingsForm } from './save-settings'
import { formFromSettings, settingsFormFields, type SettingsErrors } from './schemas'
import { SettingsPage, type SettingsPageProps } from './views/settings-page'

function renderSettings(
  c: Context<EditorEnv>,
  values: SettingsPageProps['values'],
  extra: { errors?: SettingsErrors; notice?: SettingsPageProps['notice'] } = {},
) {
  const { a, site } = c.var
  const s = settingsMessagesFor(site.locale)
  const errors = Object.fromEntries(
    Object.entries(extra.errors ?? {}).map(([field, code]) => [field, s.errors[code]]),
  )
  return c.render(
    <SettingsPage
      a={a}
      s={s}
      editor={c.var.editor}
      values={values}
      errors={errors}
      timeZones={timeZoneChoices(values.timeZone || site.timeZone)}
      notice={extra.notice}
    />,
    { title: s.settings, admin: true },
  )
}

/** `/admin/settings`: the owner's alone; a refused form comes back as typed. */
export const adminSettingsRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireOwner)
  .get('/', async (c) => {
    const stored = await readSiteSettings(c.var.db, c.env)
    const saved = c.req.query('saved') !== undefined
    const s = settingsMessagesFor(c.var.site.locale)
    return renderSettings(c, formFromSettings(stored.settings, stored.savedVersion), {
      notice: saved ? { message: s.saved, tone: 'info' } : null,
    })
  })
  .post('/', typedForm(settingsFormFields), async (c) => {
    const values = c.req.valid('form')
    const outcome = await saveSettingsForm(c.var.db, values)
    if (outcome.kind === 'saved') return c.redirect('/admin/settings?saved', 303)
    if (outcome.kind === 'invalid') {
      c.status(422)
      return renderSettings(c, values, { errors: outcome.errors })
    }
    // 409: what was typed stays, now carrying the stored version, so saving again replaces it.
    const stored = await readSiteSettings(c.var.db, c.env)
    c.status(409)
    const s = settingsMessagesFor(c.var.site.locale)
    return renderSettings(
      c,
      { ...values, version: String(stored.savedVersion) },
      {
        notice: { message: s.conflict, tone: 'error' },
      },
    )
  })
