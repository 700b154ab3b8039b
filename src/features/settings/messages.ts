import type { Locale } from '../../i18n/site'
import type { SettingsErrorCode } from './schemas'

const en = {
  settings: 'Settings',
  intro:
    'What every reader page shows: a change is live on the next request. Until the first save, these values come from wrangler.toml.',
  identity: 'The site',
  siteName: 'Site name',
  tagline: 'Tagline',
  language: 'Language',
  languageHelp: 'The language of the site’s own words and dates.',
  languageNames: { en: 'English', fr: 'Français' },
  timeZone: 'Time zone',
  timeZoneHelp: 'Dates on the site and the audience counter’s days follow it.',
  publicUrl: 'Public address',
  publicUrlHelp:
    'e.g. https://blog.example: canonical links, feeds and the sitemap use it. Empty: the address each request came to.',
  reading: 'Lists and feeds',
  postsPerPage: 'Posts per page',
  postsPerFeed: 'Posts per feed',
  images: 'Images',
  imagesHelp: 'The path of an image from the media library (/media/…), with what it shows.',
  mediaLibrary: 'Open the media library',
  logo: 'Logo',
  logoAlt: 'Logo alt text',
  socialImage: 'Default social image',
  socialImageHelp: 'Shown by link previews for pages without an image of their own.',
  socialImageAlt: 'Default social image alt text',
  footer: 'Footer',
  footerText: 'Footer text',
  socialProfiles: 'Social profiles',
  socialProfilesHelp: 'Full addresses; the Mastodon link carries rel="me" to verify the profile.',
  networks: {
    mastodon: 'Mastodon',
    linkedin: 'LinkedIn',
    instagram: 'Instagram',
    bluesky: 'Bluesky',
    other: 'Other profile (any address)',
  },
  audience: 'Audience counter',
  audienceEnabled: 'Count page views (no cookies, nothing that identifies a reader)',
  retentionMonths: 'Keep daily totals for (months)',
  save: 'Save settings',
  saved: 'Settings saved: the site shows them now.',
  fixErrors: 'Please correct the fields marked below. Nothing was saved yet.',
  conflict:
    'Someone else saved the settings after you opened this page. Nothing was overwritten: your form is below, loaded again to save over theirs.',
  errors: {
    nameRequired: 'Give the site a name.',
    tooLong: 'This is too long.',
    languageInvalid: 'Choose a language from the list.',
    timeZoneInvalid: 'Choose a time zone from the list, e.g. Europe/Paris.',
    publicUrlInvalid: 'Use an address such as https://blog.example, without a path.',
    urlInvalid: 'Use a full address starting with https://.',
    countInvalid: 'Use a whole number within the allowed range.',
    imageUnknown: 'This is not the path of an image in the media library (/media/…).',
    altMissing: 'Describe the image for people who cannot see it.',
  } satisfies Record<SettingsErrorCode, string>,
  range: (min: number, max: number) => `From ${min} to ${max}.`,
}

export type SettingsMessages = typeof en

const fr: SettingsMessages = {
  settings: 'Réglages',
  intro:
    'Ce que montre chaque page du site\u00a0: un changement est visible dès la requête suivante. Jusqu’au premier enregistrement, ces valeurs viennent de wrangler.toml.',
  identity: 'Le site',
  siteName: 'Nom du site',
  tagline: 'Slogan',
  language: 'Langue',
  languageHelp: 'La langue des mots du site et des dates.',
  languageNames: { en: 'English', fr: 'Français' },
  timeZone: 'Fuseau horaire',
  timeZoneHelp: 'Les dates du site et les jours du compteur d’audience le suivent.',
  publicUrl: 'Adresse publique',
  publicUrlHelp:
    'p. ex. https://blog.example\u00a0: les liens canoniques, les flux et le plan du site l’utilisent. Vide\u00a0: l’adresse de chaque requête.',
  reading: 'Listes et flux',
  postsPerPage: 'Articles par page',
  postsPerFeed: 'Articles par flux',
  images: 'Images',
  imagesHelp: 'Le chemin d’une image de la médiathèque (/media/…), avec ce qu’elle montre.',
  mediaLibrary: 'Ouvrir la médiathèque',
  logo: 'Logo',
  logoAlt: 'Texte alternatif du logo',
  socialImage: 'Image de partage par défaut',
  socialImageHelp: 'Montrée par les aperçus de liens des pages sans image propre.',
  socialImageAlt: 'Texte alternatif de l’image de partage',
  footer: 'Pied de page',
  footerText: 'Texte du pied de page',
  socialProfiles: 'Profils sociaux',
  socialProfilesHelp:
    'Adresses complètes\u00a0; le lien Mastodon porte rel="me" pour vérifier le profil.',
  networks: {
    mastodon: 'Mastodon',
    linkedin: 'LinkedIn',
    instagram: 'Instagram',
    bluesky: 'Bluesky',
    other: 'Autre profil (toute adresse)',
  },
  audience: 'Compteur d’audience',
  audienceEnabled: 'Compter les pages vues (sans cookie, rien qui identifie un lecteur)',
  retentionMonths: 'Garder les totaux quotidiens (mois)',
  save: 'Enregistrer les réglages',
  saved: 'Réglages enregistrés\u00a0: le site les montre dès maintenant.',
  fixErrors: 'Corrigez les champs signalés ci-dessous. Rien n’a encore été enregistré.',
  conflict:
    'Quelqu’un a enregistré les réglages après l’ouverture de cette page. Rien n’a été écrasé\u00a0: votre formulaire est ci-dessous, prêt à remplacer leur version.',
  errors: {
    nameRequired: 'Donnez un nom au site.',
    tooLong: 'C’est trop long.',
    languageInvalid: 'Choisissez une langue de la liste.',
    timeZoneInvalid: 'Choisissez un fuseau de la liste, p. ex. Europe/Paris.',
    publicUrlInvalid: 'Utilisez une adresse comme https://blog.example, sans chemin.',
    urlInvalid: 'Utilisez une adresse complète commençant par https://.',
    countInvalid: 'Utilisez un nombre entier dans l’intervalle permis.',
    imageUnknown: 'Ce n’est pas le chemin d’une image de la médiathèque (/media/…).',
    altMissing: 'Décrivez l’image pour qui ne peut pas la voir.',
  },
  range: (min: number, max: number) => `De ${min} à ${max}.`,
}

export function settingsMessagesFor(locale: Locale): SettingsMessages {
  return locale === 'fr' ? fr : en
}
