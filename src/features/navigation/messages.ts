import type { Locale } from '../../i18n/site'
import type { EditRefusal } from './edits'
import type { LinkErrorCode } from './schemas'

const en = {
  navigation: 'Navigation',
  intro:
    'The links at the top and at the bottom of every reader page. Until you change them, the header shows Home, Notes, Categories, Search and Feed.',
  menus: { header: 'Header', footer: 'Footer' },
  noLinks: 'No links yet.',
  addLink: 'Add link',
  label: 'Label',
  address: 'Address',
  addressHelp:
    'A path on this site (/a-propos, /categories/hotels, a page’s address) or a full address (https://…).',
  place: 'Place',
  topLevel: 'At the top level',
  under: (label: string) => `Under “${label}”`,
  moveUp: 'Move up',
  moveDown: 'Move down',
  remove: 'Remove',
  edit: 'Edit',
  saveLink: 'Save link',
  pageLink: 'page',
  hidden: 'hidden while the page is not published',
  dragHint: 'Drag a link to move it, or use its buttons.',
  saved: 'Navigation saved: every page shows it now.',
  fixErrors: 'The link was not added: correct the fields marked below.',
  errors: {
    labelRequired: 'Give the link a label.',
    labelTooLong: 'Keep the label under 60 characters.',
    addressInvalid: 'Use a path starting with / or a full address starting with https://.',
    addressTooLong: 'This address is too long.',
  } satisfies Record<LinkErrorCode, string>,
  refusals: {
    notFound: 'This link is no longer there: the page was reloaded.',
    tooMany: 'This list is full: remove a link first.',
  } satisfies Record<EditRefusal, string>,
}

export type NavigationMessages = typeof en

const fr: NavigationMessages = {
  navigation: 'Navigation',
  intro:
    'Les liens du haut et du bas de chaque page. Tant que vous ne les changez pas, l’en-tête montre Accueil, Notes, Catégories, Recherche et Flux.',
  menus: { header: 'En-tête', footer: 'Pied de page' },
  noLinks: 'Aucun lien pour l’instant.',
  addLink: 'Ajouter un lien',
  label: 'Libellé',
  address: 'Adresse',
  addressHelp:
    'Un chemin de ce site (/a-propos, /categories/hotels, l’adresse d’une page) ou une adresse complète (https://…).',
  place: 'Emplacement',
  topLevel: 'Au premier niveau',
  under: (label: string) => `Sous «\u00a0${label}\u00a0»`,
  moveUp: 'Monter',
  moveDown: 'Descendre',
  remove: 'Retirer',
  edit: 'Modifier',
  saveLink: 'Enregistrer le lien',
  pageLink: 'page',
  hidden: 'masqué tant que la page n’est pas publiée',
  dragHint: 'Glissez un lien pour le déplacer, ou utilisez ses boutons.',
  saved: 'Navigation enregistrée\u00a0: chaque page la montre dès maintenant.',
  fixErrors: 'Le lien n’a pas été ajouté\u00a0: corrigez les champs signalés ci-dessous.',
  errors: {
    labelRequired: 'Donnez un libellé au lien.',
    labelTooLong: 'Pas plus de 60\u00a0caractères.',
    addressInvalid: 'Utilisez un chemin commençant par / ou une adresse complète en https://.',
    addressTooLong: 'Cette adresse est trop longue.',
  },
  refusals: {
    notFound: 'Ce lien n’existe plus\u00a0: la page a été rechargée.',
    tooMany: 'Cette liste est pleine\u00a0: retirez d’abord un lien.',
  },
}

export function navigationMessagesFor(locale: Locale): NavigationMessages {
  return locale === 'fr' ? fr : en
}
