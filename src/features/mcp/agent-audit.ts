import { recordAudit } from '../auth'
import type { ToolContext } from './tool'

/**
 * Every write an agent makes, in the audit log: the tool, what it touched, and the token's or
 * app's name (also as the client, beside the country).
 */
export async function auditAgentWrite(ctx: ToolContext, tool: string, what: string) {
  const { agent, request } = ctx
  ctx.wrote = true
  const via = agent.via === 'token' ? 'token' : 'app'
  const country = (request as Request & { cf?: { country?: unknown } }).cf?.country
  await recordAudit(
    ctx.db,
    {
      event: 'agent_write',
      userId: agent.user.id,
      email: agent.user.email,
      detail: `${tool}: ${what} (${via} “${agent.name}”)`.slice(0, 500),
    },
    {
      browser: `${agent.name} (${via})`.slice(0, 100),
      country: typeof country === 'string' ? country : '',
    },
  )
}
