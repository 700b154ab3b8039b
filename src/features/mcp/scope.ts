import { canPublish, editsAllContent, scopeAllows, type AccessScope, type Agent } from '../auth'

const NAMES: Record<AccessScope, string> = {
  read: 'Read',
  write_drafts: 'Write drafts',
  publish: 'Publish',
}

/**
 * Null when the agent may; otherwise the refusal, naming the scope needed, and saying whether a
 * new token would help or the person's role does not allow it at all.
 */
export function scopeRefusal(agent: Agent, needed: AccessScope, what: string): string | null {
  if (scopeAllows(agent.scope, needed)) return null
  const roleAllows = needed !== 'publish' || canPublish(agent.user.role)
  return roleAllows
    ? `${what} needs the “${NAMES[needed]}” scope (${needed}); this ${agent.via === 'token' ? 'token' : 'app'} has “${NAMES[agent.scope]}”. Make a token with that scope on /admin/account, or connect the app again and choose it.`
    : `${what} needs the “${NAMES[needed]}” scope (${needed}), which the ${agent.user.role} role cannot give.`
}

/**
 * Null when the agent's person is the owner or an editor; otherwise the refusal. It comes before
 * the scope's: no token the person could make would help.
 */
export function roleRefusal(agent: Agent, what: string): string | null {
  if (editsAllContent(agent.user)) return null
  return `${what} is for the owner and editors, as the admin page it stands for; the ${agent.user.role} role cannot use it, whatever the token's scope.`
}
