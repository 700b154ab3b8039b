import type { Locale } from '../../i18n/site'
import type { AuditEvent, SignInMethod } from './audit-log'

const en = {
  forgotLink: 'Forgot your password or lost your passkey?',
  auditTitle: 'Audit log',
  auditIntro:
    'Sign-ins, failed sign-ins, invitations, recoveries and password changes, kept 13 months. The client is a browser family and a country, nothing finer.',
  auditEmpty: 'Nothing recorded yet.',
  when: 'When',
  event: 'Event',
  account: 'Account',
  by: 'By',
  detail: 'Detail',
  client: 'Client',
  older: 'Older entries',
  events: {
    sign_in: 'Signed in',
    sign_in_failed: 'Failed sign-in',
    invitation_created: 'Invitation made',
    invitation_used: 'Invitation used',
    invitation_revoked: 'Invitation revoked',
    role_changed: 'Role changed',
    recovery_requested: 'Recovery link asked for',
    recovery_link_created: 'Recovery link made',
    recovery_used: 'Recovery link used',
    password_changed: 'Password changed',
    passkey_added: 'Passkey added',
    passkey_removed: 'Passkey removed',
    access_token_created: 'Access token created',
    access_token_revoked: 'Access token revoked',
    oauth_app_connected: 'App connected (OAuth)',
    oauth_app_revoked: 'App disconnected (OAuth)',
    agent_write: 'Change by an agent',
  } satisfies Record<AuditEvent, string>,
  methods: {
    password: 'password',
    invitation: 'invitation link',
    recovery: 'recovery link',
    access: 'Cloudflare Access',
    passkey: 'passkey',
  } satisfies Record<SignInMethod, string>,
}

export type AuthMessages = typeof en

const fr: AuthMessages = {
  forgotLink: 'Mot de passe oublié ou clé d’accès perdue ?',
  auditTitle: 'Journal d’audit',
  auditIntro:
    'Connexions, échecs de connexion, invitations, récupérations et changements de mot de passe, gardés 13 mois. Le client se résume à une famille de navigateur et un pays.',
  auditEmpty: 'Rien d’enregistré pour l’instant.',
  when: 'Quand',
  event: 'Événement',
  account: 'Compte',
  by: 'Par',
  detail: 'Détail',
  client: 'Client',
  older: 'Entrées plus anciennes',
  events: {
    sign_in: 'Connexion',
    sign_in_failed: 'Connexion refusée',
    invitation_created: 'Invitation créée',
    invitation_used: 'Invitation utilisée',
    invitation_revoked: 'Invitation retirée',
    role_changed: 'Rôle modifié',
    recovery_requested: 'Lien de récupération demandé',
    recovery_link_created: 'Lien de récupération créé',
    recovery_used: 'Lien de récupération utilisé',
    password_changed: 'Mot de passe changé',
    passkey_added: 'Clé d’accès ajoutée',
    passkey_removed: 'Clé d’accès retirée',
    access_token_created: 'Jeton d’accès créé',
    access_token_revoked: 'Jeton d’accès révoqué',
    oauth_app_connected: 'Application connectée (OAuth)',
    oauth_app_revoked: 'Application déconnectée (OAuth)',
    agent_write: 'Modification par un agent',
  },
  methods: {
    password: 'mot de passe',
    invitation: 'lien d’invitation',
    recovery: 'lien de récupération',
    access: 'Cloudflare Access',
    passkey: 'clé d’accès',
  },
}

export function authMessagesFor(locale: Locale): AuthMessages {
  return locale === 'fr' ? fr : en
}
