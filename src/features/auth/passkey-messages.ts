import type { Locale } from '../../i18n/site'

const en = {
  passkeys: 'Passkeys',
  passkeysIntro:
    'A passkey signs you in with this device’s screen lock or a security key, with no password to type or leak.',
  noPasskeys: 'No passkey yet.',
  passkeyName: 'Name of the passkey',
  passkeyNamePlaceholder: 'Laptop, phone…',
  addPasskey: 'Add a passkey',
  signInWithPasskey: 'Sign in with a passkey',
  removePasskey: 'Remove',
  added: 'Added',
  lastUsed: 'Last used',
  never: 'never',
  passkeyAdded: 'Passkey added.',
  passkeyRemoved: 'Passkey removed.',
  passkeyRefused: 'The passkey was not accepted. Try again.',
  passkeyUnsupported: 'This browser cannot use passkeys.',
  lastPasskeyKept:
    'This is your last passkey and your password is off: turn the password back on before removing it.',
  passwordSignIn: 'Password sign-in',
  passwordOnIntro: 'With a passkey you may turn password sign-in off for this account.',
  passwordOffIntro: 'Password sign-in is off: only your passkeys sign you in.',
  turnPasswordOff: 'Turn password sign-in off',
  turnPasswordOn: 'Turn password sign-in back on',
  passwordTurnedOff: 'Password sign-in is off.',
  passwordTurnedOn: 'Password sign-in is on again.',
  needsPasskey: 'Add a passkey before turning password sign-in off.',
}

export type PasskeyMessages = typeof en

const fr: PasskeyMessages = {
  passkeys: 'Clés d’accès',
  passkeysIntro:
    'Une clé d’accès vous connecte avec le verrouillage d’écran de cet appareil ou une clé de sécurité, sans mot de passe à saisir ni à perdre.',
  noPasskeys: 'Aucune clé d’accès pour l’instant.',
  passkeyName: 'Nom de la clé d’accès',
  passkeyNamePlaceholder: 'Portable, téléphone…',
  addPasskey: 'Ajouter une clé d’accès',
  signInWithPasskey: 'Se connecter avec une clé d’accès',
  removePasskey: 'Retirer',
  added: 'Ajoutée',
  lastUsed: 'Dernière utilisation',
  never: 'jamais',
  passkeyAdded: 'Clé d’accès ajoutée.',
  passkeyRemoved: 'Clé d’accès retirée.',
  passkeyRefused: 'La clé d’accès n’a pas été acceptée. Réessayez.',
  passkeyUnsupported: 'Ce navigateur ne gère pas les clés d’accès.',
  lastPasskeyKept:
    'C’est votre dernière clé d’accès et votre mot de passe est désactivé : réactivez-le avant de la retirer.',
  passwordSignIn: 'Connexion par mot de passe',
  passwordOnIntro: 'Avec une clé d’accès, vous pouvez désactiver la connexion par mot de passe.',
  passwordOffIntro:
    'La connexion par mot de passe est désactivée : seules vos clés d’accès vous connectent.',
  turnPasswordOff: 'Désactiver la connexion par mot de passe',
  turnPasswordOn: 'Réactiver la connexion par mot de passe',
  passwordTurnedOff: 'La connexion par mot de passe est désactivée.',
  passwordTurnedOn: 'La connexion par mot de passe est réactivée.',
  needsPasskey: 'Ajoutez une clé d’accès avant de désactiver la connexion par mot de passe.',
}

export function passkeyMessagesFor(locale: Locale): PasskeyMessages {
  return locale === 'fr' ? fr : en
}
