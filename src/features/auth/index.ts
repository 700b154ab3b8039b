// The feature's public surface: the app and other features import only this file.
export { adminAccountRoutes } from './account-routes'
export {
  carriesEditorSession,
  loadEditor,
  noStore,
  openSession,
  requireEditor,
  requireOwner,
} from './editor-session'
export { attemptLogin, authPepper, editorForSave } from './login'
export type { LoginResult } from './login'
export { MIN_PASSWORD_LENGTH, generatePassword, hashPassword } from './password'
export { adminSessionRoutes } from './session-routes'
export { newEditorErrors, newEditorFields, passwordSchema } from './user-schemas'
export {
  countOtherActiveOwners,
  countUsers,
  createUser,
  deleteUser,
  findUserByEmail,
  findUserById,
  listUsers,
  normalizeEmail,
  setUserDisabled,
  setUserPassword,
  setUserRole,
} from './users'
export {
  authorSlugBase,
  newAuthorProfile,
  profileId,
  signsAsThemselves,
  withOwnAuthorProfile,
} from './own-byline'
export type { NewAuthorProfile } from './own-byline'
export { InlineLogin } from './views/login-page'
export { deleteOldLoginFailures } from './lockout'
export { deleteExpiredSessions } from './sessions'
export { ownerOnly } from './editor-session'
export { accessSignIn } from './access-sign-in'
export { adminAuditRoutes } from './audit-routes'
export { auditRequest, deleteOldAuditRows, recordAudit } from './audit-log'
export type { AuditEntry, AuditEvent, SignInMethod } from './audit-log'
export { markKnownDevice } from './known-device'
export { deleteExpiredChallenges } from './webauthn-challenges'
export {
  editsAllContent,
  mayChangePost,
  mayOpenPost,
  mayPublish,
  refuseUnless,
  requireContentEditor,
} from './roles'
export { authenticateAgent, protectedResourceMetadataUrl } from './agent-auth'
export type { Agent } from './agent-auth'
export { ACCESS_SCOPES, canPublish, scopeAllows } from './agent-scopes'
export type { AccessScope } from './agent-scopes'
export { agentMessagesFor } from './agent-messages'
export { oauthProtocolRoutes } from './oauth-protocol-routes'
export { adminOAuthRoutes } from './oauth-consent-routes'
export { MCP_PATH } from './oauth-server'
export { deleteExpiredAccessTokens } from './access-tokens'
export { deleteOldAgentRequestCounts } from './agent-rate-limit'
