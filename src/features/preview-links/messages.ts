import type { Locale } from '../../i18n/site'

const en = {
  title: 'Preview link',
  explain:
    'An address that shows this post as readers will see it, to anyone who has it, without an account. Search engines are asked not to index it.',
  share: 'Share preview',
  revoke: 'Revoke',
  address: 'Preview address',
  validUntil: (date: string) =>
    `Valid until ${date}. Sharing again makes a new address; the old one stops working.`,
  shared: 'Preview link made.',
  revoked: 'Preview link revoked: the address no longer works.',
}

export type PreviewLinkMessages = typeof en

const fr: PreviewLinkMessages = {
  title: 'Lien d’aperçu',
  explain:
    'Une adresse qui montre cet article tel que les lecteurs le verront, à quiconque l’a, sans compte. Les moteurs de recherche sont priés de ne pas l’indexer.',
  share: 'Partager un aperçu',
  revoke: 'Révoquer',
  address: 'Adresse de l’aperçu',
  validUntil: (date) =>
    `Valable jusqu’au ${date}. Partager à nouveau crée une nouvelle adresse ; l’ancienne cesse de fonctionner.`,
  shared: 'Lien d’aperçu créé.',
  revoked: 'Lien d’aperçu révoqué : l’adresse ne fonctionne plus.',
}

export function previewLinkMessagesFor(locale: Locale): PreviewLinkMessages {
  return locale === 'fr' ? fr : en
}
