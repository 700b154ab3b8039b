import type { Language } from '../../db/schema'

/** What readers and subscribers read: the form, its answers, the messages sent. */
const en = {
  formTitle: 'Get new posts by email',
  email: 'Email address',
  language: 'Language of the emails',
  subscribe: 'Subscribe',
  consent:
    'New posts will be emailed to this address after you confirm it. Each message has a link to unsubscribe at once. Nothing tracks whether you open or click it.',
  checkInbox:
    'Almost done: if this address can be subscribed, a message to confirm it is on its way. Follow its link within 48 hours.',
  invalidEmail: 'This is not an email address. Check it, e.g. name@example.org.',
  tooMany: 'Too many requests from here today. Please try again tomorrow.',
  confirmTitle: 'Confirm your subscription',
  confirmLead: 'One click to start getting new posts by email:',
  confirm: 'Confirm',
  confirmed: 'Thank you: you will get new posts by email.',
  linkExpired: 'This link has expired or is not valid. Please subscribe again.',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeLead: 'Stop getting new posts by email at this address:',
  unsubscribe: 'Unsubscribe',
  unsubscribed: 'You are unsubscribed: no more posts will be emailed to you.',
  confirmSubject: (site: string) => `Confirm your subscription to ${site}`,
  confirmBody: (site: string) =>
    `Someone, hopefully you, asked to get new posts from ${site} by email. To confirm, open this link within 48 hours:`,
  confirmIgnore: 'If it was not you, ignore this message: nothing more will be sent.',
  readOnline: 'Read it on the site',
  unsubscribeFooter: 'Unsubscribe',
  whyFooter: (site: string) => `You get this because you subscribed to ${site}.`,
}

export type SubscriptionMessages = typeof en

const fr: SubscriptionMessages = {
  formTitle: 'Recevoir les nouveaux articles par e-mail',
  email: 'Adresse e-mail',
  language: 'Langue des e-mails',
  subscribe: 'S’abonner',
  consent:
    'Les nouveaux articles seront envoyés à cette adresse une fois confirmée. Chaque message a un lien pour se désabonner aussitôt. Rien ne mesure si vous l’ouvrez ou cliquez.',
  checkInbox:
    'Presque fini : si cette adresse peut être abonnée, un message pour la confirmer est en route. Suivez son lien dans les 48 heures.',
  invalidEmail: 'Ce n’est pas une adresse e-mail. Vérifiez-la, par exemple nom@exemple.fr.',
  tooMany: 'Trop de demandes d’ici aujourd’hui. Réessayez demain.',
  confirmTitle: 'Confirmer l’abonnement',
  confirmLead: 'Un clic pour recevoir les nouveaux articles par e-mail :',
  confirm: 'Confirmer',
  confirmed: 'Merci : vous recevrez les nouveaux articles par e-mail.',
  linkExpired: 'Ce lien a expiré ou n’est pas valide. Abonnez-vous de nouveau.',
  unsubscribeTitle: 'Se désabonner',
  unsubscribeLead: 'Ne plus recevoir les nouveaux articles à cette adresse :',
  unsubscribe: 'Se désabonner',
  unsubscribed: 'Vous êtes désabonné : plus aucun article ne vous sera envoyé.',
  confirmSubject: (site: string) => `Confirmez votre abonnement à ${site}`,
  confirmBody: (site: string) =>
    `Quelqu’un, vous sans doute, a demandé à recevoir par e-mail les nouveaux articles de ${site}. Pour confirmer, ouvrez ce lien dans les 48 heures :`,
  confirmIgnore: 'Si ce n’était pas vous, ignorez ce message : rien d’autre ne sera envoyé.',
  readOnline: 'Lire sur le site',
  unsubscribeFooter: 'Se désabonner',
  whyFooter: (site: string) => `Vous recevez ce message car vous êtes abonné à ${site}.`,
}

export const subscriptionMessagesFor = (language: Language | string): SubscriptionMessages =>
  language === 'fr' ? fr : en

/** The consent wording shown next to the form, versioned: confirming records both. */
export const CONSENT_VERSION = '2026-12-05'
export const consentText = (language: Language | string) =>
  subscriptionMessagesFor(language).consent

/** The admin's words (owner and editors). */
const adminEn = {
  subscribers: 'Subscribers',
  pending: 'Pending',
  confirmed: 'Confirmed',
  unsubscribed: 'Unsubscribed',
  erased: 'Erased',
  search: 'Search',
  email: 'Email',
  state: 'State',
  since: 'Since',
  delete: 'Delete',
  deleted: 'The subscriber was erased: only the count of erasures is kept.',
  exportCsv: 'Export CSV (with consent records)',
  importTitle: 'Import subscribers (CSV from Ghost, Mailchimp or Substack)',
  importFile: 'CSV file',
  importConsent:
    'I hold these readers’ consent to email them: import them as confirmed (recorded as such). Unticked, they are imported as pending and nothing is sent to them.',
  importSubmit: 'Import',
  imported: (added: number, skipped: number) =>
    `${added} subscriber(s) imported, ${skipped} row(s) skipped (already there or not an address).`,
  noFile: 'Choose a CSV file with an email column.',
  history: 'Sending history',
  post: 'Post',
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  settings: 'Email settings',
  emailPosts: 'Email new posts to subscribers by default',
  emailNotes: 'Email new notes to subscribers by default',
  fullPost: 'Send the full post (unticked: its excerpt with a link)',
  dailyCap: 'Messages sent per day at most (the rest waits for the next day)',
  save: 'Save',
  savedSettings: 'Email settings saved.',
  emailToSubscribers: 'Email to subscribers',
  emailToSubscribersHelp: 'Sent once, when the post goes public.',
  mailingCounts: (queued: number, sent: number, failed: number) =>
    `Email: ${queued} queued, ${sent} sent, ${failed} failed.`,
  none: 'No subscriber matches.',
  older: 'Older subscribers',
}

export type SubscriptionAdminMessages = typeof adminEn

const adminFr: SubscriptionAdminMessages = {
  subscribers: 'Abonnés',
  pending: 'En attente',
  confirmed: 'Confirmés',
  unsubscribed: 'Désabonnés',
  erased: 'Effacés',
  search: 'Chercher',
  email: 'E-mail',
  state: 'État',
  since: 'Depuis',
  delete: 'Supprimer',
  deleted: 'L’abonné a été effacé : seul le nombre d’effacements est gardé.',
  exportCsv: 'Exporter en CSV (avec les preuves de consentement)',
  importTitle: 'Importer des abonnés (CSV de Ghost, Mailchimp ou Substack)',
  importFile: 'Fichier CSV',
  importConsent:
    'J’ai le consentement de ces lecteurs pour leur écrire : les importer comme confirmés (noté comme tel). Sinon ils sont importés en attente et rien ne leur est envoyé.',
  importSubmit: 'Importer',
  imported: (added: number, skipped: number) =>
    `${added} abonné(s) importé(s), ${skipped} ligne(s) ignorée(s) (déjà là ou pas une adresse).`,
  noFile: 'Choisissez un fichier CSV avec une colonne e-mail.',
  history: 'Historique des envois',
  post: 'Article',
  queued: 'En file',
  sent: 'Envoyés',
  failed: 'Échecs',
  settings: 'Réglages des e-mails',
  emailPosts: 'Envoyer par défaut les nouveaux articles aux abonnés',
  emailNotes: 'Envoyer par défaut les nouvelles notes aux abonnés',
  fullPost: 'Envoyer l’article entier (sinon son extrait avec un lien)',
  dailyCap: 'Messages envoyés par jour au plus (le reste attend le lendemain)',
  save: 'Enregistrer',
  savedSettings: 'Réglages des e-mails enregistrés.',
  emailToSubscribers: 'Envoyer aux abonnés',
  emailToSubscribersHelp: 'Envoyé une fois, quand l’article devient public.',
  mailingCounts: (queued: number, sent: number, failed: number) =>
    `E-mail : ${queued} en file, ${sent} envoyés, ${failed} échecs.`,
  none: 'Aucun abonné ne correspond.',
  older: 'Abonnés plus anciens',
}

export const subscriptionAdminMessagesFor = (locale: string): SubscriptionAdminMessages =>
  locale === 'fr' ? adminFr : adminEn
