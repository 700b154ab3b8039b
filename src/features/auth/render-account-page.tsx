import type { Context } from 'hono'
import type { EditorEnv } from '../../types'
import { agentAccessOnPage, type AgentAccessExtras } from './agent-access-on-page'
import { passkeysOnPage } from './passkeys-on-page'
import { AccountPage } from './views/account-page'

/** /admin/account with everything it lists: passkeys, access tokens, connected apps. */
export async function renderAccountPage(
  c: Context<EditorEnv>,
  options: {
    errors?: Parameters<typeof AccountPage>[0]['errors']
    notice?: string | null
    agents?: AgentAccessExtras
  } = {},
) {
  const [passkeys, agents] = await Promise.all([
    passkeysOnPage(c),
    agentAccessOnPage(c, options.agents),
  ])
  return c.render(
    <AccountPage
      a={c.var.a}
      editor={c.var.editor}
      errors={options.errors ?? {}}
      notice={options.notice}
      passkeys={passkeys}
      agents={agents}
    />,
    { title: c.var.a.account, admin: true },
  )
}
