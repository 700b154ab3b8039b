import type { AdminMessages } from '../../../i18n/admin'
import type { PostFormValues } from '../schemas'
import { InlineLogin } from '../../auth'

type ReloginPageProps = {
  a: AdminMessages
  action: string
  values: PostFormValues
  error?: string | null
}

/**
 * A save sent without a live session: only a login form, carrying what was typed in hidden
 * fields so that logging in saves it. Nothing of the blog (categories, authors) is shown.
 */
export function ReloginPage({ a, action, values, error }: ReloginPageProps) {
  return (
    <section class="admin login">
      <h1>{a.loginTitle}</h1>
      <form method="post" action={action} class="stack">
        <InlineLogin a={a} error={error} />
        {Object.entries(values).map(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((item) => (
            <input type="hidden" name={name} value={item} />
          )),
        )}
        <button type="submit">{a.loginAndSave}</button>
      </form>
    </section>
  )
}
