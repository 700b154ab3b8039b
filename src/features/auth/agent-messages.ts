import type { Locale } from '../../i18n/site'
import type { AccessScope } from '../../db/schema'

const en = {
  agents: 'Agents and apps',
  agentsIntro: (url: string) =>
    `An access token lets an AI assistant or another MCP client work on the blog as you, within the scope you choose, at ${url} (see the README, “Agents”).`,
  accessTokens: 'Access tokens',
  noTokens: 'No access token.',
  createToken: 'Create token',
  tokenName: 'Name',
  tokenNamePlaceholder: 'Claude desktop, Cursor…',
  scope: 'Scope',
  scopes: {
    read: 'Read',
    write_drafts: 'Write drafts',
    publish: 'Publish',
  } satisfies Record<AccessScope, string>,
  scopeHelp: {
    read: 'posts, drafts, categories and audience figures',
    write_drafts: 'also create and edit drafts and notes, upload images',
    publish: 'also publish, schedule and unpublish, edit live posts',
  } satisfies Record<AccessScope, string>,
  expiry: 'Expires after',
  days: (days: number) => (days === 365 ? 'a year' : `${days} days`),
  newToken: 'New token',
  newTokenHelp: 'Copy it now: it is shown only once. Send it as `Authorization: Bearer <token>`.',
  created: 'Created',
  expires: 'expires',
  lastUsed: 'last used',
  never: 'never',
  revoke: 'Revoke',
  tokenRevoked: 'Token revoked.',
  connectedApps: 'Connected apps (OAuth)',
  noGrants: 'No app connected.',
  grantRevoked: 'App disconnected.',
  errors: {
    nameRequired: 'Give the token a name.',
    nameTooLong: 'At most 60 characters.',
    scopeInvalid: 'Choose one of the scopes offered.',
    expiryInvalid: 'Choose one of the durations offered.',
  },
  consentTitle: (client: string) => `Allow ${client} to work on the blog?`,
  consentIntro: (client: string) =>
    `${client} asks to act as you through the blog’s MCP server. Its name is what it said when it registered: check that you just started connecting it.`,
  consentRedirect: (host: string) => `Access will be sent to ${host}.`,
  consentLoopback: 'This sends access to an app on your computer.',
  consentRequested: (scopes: string) => `It asks for: ${scopes}.`,
  allow: 'Allow',
  deny: 'Deny',
  consentFailed: 'This authorization request cannot be completed. Start again from the app.',
}

export type AgentMessages = typeof en

const fr: AgentMessages = {
  agents: 'Agents et applications',
  agentsIntro: (url: string) =>
    `Un jeton d’accès permet à un assistant IA ou à un autre client MCP de travailler sur le blog en votre nom, dans la portée choisie, à l’adresse ${url} (voir le README, « Agents »).`,
  accessTokens: 'Jetons d’accès',
  noTokens: 'Aucun jeton d’accès.',
  createToken: 'Créer un jeton',
  tokenName: 'Nom',
  tokenNamePlaceholder: 'Claude, Cursor…',
  scope: 'Portée',
  scopes: { read: 'Lecture', write_drafts: 'Écrire des brouillons', publish: 'Publier' },
  scopeHelp: {
    read: 'articles, brouillons, catégories et audience',
    write_drafts: 'et créer ou modifier des brouillons et des notes, téléverser des images',
    publish: 'et publier, programmer, dépublier, modifier les articles en ligne',
  },
  expiry: 'Expire après',
  days: (days: number) => (days === 365 ? 'un an' : `${days} jours`),
  newToken: 'Nouveau jeton',
  newTokenHelp:
    'Copiez-le maintenant : il ne sera plus affiché. Envoyez-le comme `Authorization: Bearer <jeton>`.',
  created: 'Créé',
  expires: 'expire',
  lastUsed: 'dernière utilisation',
  never: 'jamais',
  revoke: 'Révoquer',
  tokenRevoked: 'Jeton révoqué.',
  connectedApps: 'Applications connectées (OAuth)',
  noGrants: 'Aucune application connectée.',
  grantRevoked: 'Application déconnectée.',
  errors: {
    nameRequired: 'Donnez un nom au jeton.',
    nameTooLong: '60 caractères au plus.',
    scopeInvalid: 'Choisissez l’une des portées proposées.',
    expiryInvalid: 'Choisissez l’une des durées proposées.',
  },
  consentTitle: (client: string) => `Autoriser ${client} à travailler sur le blog ?`,
  consentIntro: (client: string) =>
    `${client} demande à agir en votre nom par le serveur MCP du blog. Ce nom est celui qu’il a donné en s’enregistrant : vérifiez que vous venez de lancer sa connexion.`,
  consentRedirect: (host: string) => `L’accès sera envoyé à ${host}.`,
  consentLoopback: 'L’accès est envoyé à une application de votre ordinateur.',
  consentRequested: (scopes: string) => `Il demande : ${scopes}.`,
  allow: 'Autoriser',
  deny: 'Refuser',
  consentFailed: 'Cette demande d’autorisation ne peut aboutir. Recommencez depuis l’application.',
}

export function agentMessagesFor(locale: Locale): AgentMessages {
  return locale === 'fr' ? fr : en
}
