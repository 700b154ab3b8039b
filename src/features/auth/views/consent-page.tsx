import type { User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav } from '../../../ui/admin-nav'
import type { AgentMessages } from '../agent-messages'
import type { AccessScope } from '../agent-scopes'

type ConsentPageProps = {
  a: AdminMessages
  m: AgentMessages
  editor: User
  handle: string
  clientName: string
  redirectHost: string
  redirectIsLoopback: boolean
  requested: string[]
  /** The scopes this person may give, narrowest first. */
  scopes: AccessScope[]
  chosen: AccessScope
}

/** The OAuth consent screen: which app asks, where access goes, which scope the person gives. */
export function ConsentPage(props: ConsentPageProps) {
  const { m } = props
  return (
    <section class="admin">
      <AdminNav a={props.a} editor={props.editor} />
      <h1>{m.consentTitle(props.clientName)}</h1>
      <p>{m.consentIntro(props.clientName)}</p>
      <p>
        <strong>{m.consentRedirect(props.redirectHost)}</strong>
      </p>
      {props.redirectIsLoopback && <p>{m.consentLoopback}</p>}
      {props.requested.length > 0 && <p>{m.consentRequested(props.requested.join(', '))}</p>}
      <form method="post" action="/admin/oauth/authorize" class="stack narrow">
        <input type="hidden" name="handle" value={props.handle} />
        <label>
          {m.scope}
          <select name="scope">
            {props.scopes.map((scope) => (
              <option value={scope} selected={scope === props.chosen}>
                {m.scopes[scope]} — {m.scopeHelp[scope]}
              </option>
            ))}
          </select>
        </label>
        <p>
          <button type="submit" name="decision" value="allow">
            {m.allow}
          </button>{' '}
          <button type="submit" name="decision" value="deny" class="secondary">
            {m.deny}
          </button>
        </p>
      </form>
    </section>
  )
}
