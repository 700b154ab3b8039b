import type { Locale } from '../../i18n/site'

const en = {
  countedUpTo: (time: string) =>
    `Counted up to ${time}: views reach these figures about once a minute.`,
  nothingCountedYet: 'No view has reached these figures yet: they are added about once a minute.',
  unrecordedViews: 'Views that could not be recorded',
  unrecordedHelp:
    'The counter could not reach its storage for these views, even after retrying; they are missing from the figures above.',
}

const fr: typeof en = {
  countedUpTo: (time: string) =>
    `Compté jusqu’à ${time}\u202f: les visites s’ajoutent à ces chiffres environ une fois par minute.`,
  nothingCountedYet:
    'Aucune visite n’a encore rejoint ces chiffres\u202f: elles s’ajoutent environ une fois par minute.',
  unrecordedViews: 'Visites qui n’ont pas pu être enregistrées',
  unrecordedHelp:
    'Le compteur n’a pas pu joindre son stockage pour ces visites, même en réessayant\u202f: elles manquent aux chiffres ci-dessus.',
}

export type AudienceMessages = typeof en

export const audienceMessagesFor = (locale: Locale): AudienceMessages => (locale === 'fr' ? fr : en)
