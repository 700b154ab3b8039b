// The feature's public surface: the app and other features import only this file.
export { adminAccountRoutes } from './account-routes'
export {
  carriesEditorSession,
  loadEditor,
  noStore,
  requireEditor,
  requireOwner,
} from './editor-session'
export { attemptLogin, authPepper } from './login'
export type { LoginResult } from './login'
export { MIN_PASSWORD_LENGTH, generatePassword, hashPassword } from './password'
export { adminSessionRoutes } from './session-routes'
export { newEditorErrors, newEditorFields } from './user-schemas'
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
} from './users'
export { InlineLogin } from './views/login-page'
export { deleteOldLoginFailures } from './lockout'
export { deleteExpiredSessions } from './sessions'
export { ownerOnly } from './editor-session'
