import { ACCESS_SCOPES } from '../../../db/schema'
import { formatDateTime } from '../../../lib/dates'
import { FieldError } from '../../../ui/admin-nav'
import { TOKEN_LIFETIMES_DAYS } from '../access-tokens'
import type { AgentAccessOnPage } from '../agent-access-on-page'
import { TOKEN_NAME_MAX } from '../agent-schemas'
import { scopeAllows } from '../agent-scopes'

/** On /admin/account: Create token, the new token once, the tokens and the connected apps. */
export function AgentAccessSection(props: AgentAccessOnPage) {
  const { m, tokens, grants, widestScope, newToken, errors = {}, form } = props
  const when = (date: Date) => formatDateTime(date, props.locale, props.timeZone)
  const scopes = ACCESS_SCOPES.filter((scope) => scopeAllows(widestScope, scope))
  return (
    <>
      <h2 id="agents">{m.agents}</h2>
      <p>{m.agentsIntro(props.endpoint)}</p>
      {newToken && (
        <div class="notice" role="status">
          <label>
            {m.newToken}
            <input
              type="text"
              id="new-token"
              readonly
              value={newToken}
              autocomplete="off"
              spellcheck={false}
            />
          </label>
          <p>{m.newTokenHelp}</p>
        </div>
      )}
      <h3>{m.accessTokens}</h3>
      {tokens.length === 0 ? (
        <p>{m.noTokens}</p>
      ) : (
        <ul class="access-tokens">
          {tokens.map((token) => (
            <li data-token={token.id}>
              <strong>{token.name}</strong> — {m.scopes[token.scope]} — {m.created}{' '}
              {when(token.createdAt)}, {m.expires} {when(token.expiresAt)}, {m.lastUsed}{' '}
              {token.lastUsedAt ? when(token.lastUsedAt) : m.never}{' '}
              <form
                method="post"
                action={`/admin/account/tokens/${token.id}/revoke`}
                class="inline-form"
              >
                <button type="submit" aria-label={`${m.revoke} ${token.name}`}>
                  {m.revoke}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/admin/account/tokens" class="stack narrow">
        <label>
          {m.tokenName}
          <input
            type="text"
            name="name"
            required
            maxlength={TOKEN_NAME_MAX}
            placeholder={m.tokenNamePlaceholder}
            value={form?.name ?? ''}
            aria-describedby={errors.name ? 'token-name-error' : undefined}
          />
        </label>
        <FieldError id="token-name-error" message={errors.name && m.errors[errors.name]} />
        <label>
          {m.scope}
          <select name="scope">
            {scopes.map((scope) => (
              <option value={scope} selected={(form?.scope ?? 'read') === scope}>
                {m.scopes[scope]}
              </option>
            ))}
          </select>
        </label>
        <FieldError id="token-scope-error" message={errors.scope && m.errors[errors.scope]} />
        <ul class="hint">
          {scopes.map((scope) => (
            <li>
              {m.scopes[scope]}: {m.scopeHelp[scope]}
            </li>
          ))}
        </ul>
        <label>
          {m.expiry}
          <select name="expiresInDays">
            {TOKEN_LIFETIMES_DAYS.map((days) => (
              <option
                value={String(days)}
                selected={(form?.expiresInDays ?? '30') === String(days)}
              >
                {m.days(days)}
              </option>
            ))}
          </select>
        </label>
        <FieldError
          id="token-expiry-error"
          message={errors.expiresInDays && m.errors[errors.expiresInDays]}
        />
        <button type="submit">{m.createToken}</button>
      </form>
      <h3>{m.connectedApps}</h3>
      {grants.length === 0 ? (
        <p>{m.noGrants}</p>
      ) : (
        <ul class="oauth-grants">
          {grants.map((grant) => (
            <li data-grant={grant.id}>
              <strong>{grant.clientName}</strong> — {grant.scope ? m.scopes[grant.scope] : ''} —{' '}
              {m.created} {when(grant.createdAt)}
              {grant.expiresAt ? `, ${m.expires} ${when(grant.expiresAt)}` : ''}{' '}
              <form
                method="post"
                action={`/admin/account/apps/${grant.id}/revoke`}
                class="inline-form"
              >
                <button type="submit" aria-label={`${m.revoke} ${grant.clientName}`}>
                  {m.revoke}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
