import { ACCESS_SCOPES, type AccessScope, type UserRole } from '../../db/schema'
import { mayPublish } from './roles'

export { ACCESS_SCOPES, type AccessScope }

/** Each scope includes the ones before it in ACCESS_SCOPES. */
export function scopeAllows(granted: AccessScope, needed: AccessScope): boolean {
  return ACCESS_SCOPES.indexOf(granted) >= ACCESS_SCOPES.indexOf(needed)
}

/**
 * Whether someone of this role may put posts in front of readers (publish, schedule, unpublish,
 * edit what is live). The one place that decides it: tokens, OAuth grants and the tools ask here.
 */
export function canPublish(role: UserRole): boolean {
  // Whose posts (an author's own only) is the save's own check, as for the admin's forms.
  return mayPublish({ role })
}

/** The widest scope this role may hand to an agent. */
export function widestScopeFor(role: UserRole): AccessScope {
  return canPublish(role) ? 'publish' : 'write_drafts'
}

/** What an agent may do: what it was given, within what its person may do now. */
export function effectiveScope(granted: AccessScope, role: UserRole): AccessScope {
  const widest = widestScopeFor(role)
  return scopeAllows(widest, granted) ? granted : widest
}

/** The widest known scope among OAuth scope strings, or null when none is known. */
export function widestOf(scopes: readonly string[]): AccessScope | null {
  let widest: AccessScope | null = null
  for (const scope of scopes) {
    const known = ACCESS_SCOPES.find((name) => name === scope)
    if (known && (!widest || scopeAllows(known, widest))) widest = known
  }
  return widest
}
