import type { NoteErrorCode } from './schemas'
import type { FetchFailure } from '../../lib/safe-fetch'
import type { Locale } from '../../i18n/site'

const en = {
  notes: 'Notes',
  newNote: 'New note',
  editNote: 'Edit note',
  sourceUrl: 'Source address',
  siteName: 'Source site name',
  siteNameHelp: 'Shown as “Read at …”. The address’s domain is used if left empty.',
  sourcePublishedAt: 'Published by the source on',
  quote: 'Quoted or summarised text',
  comment: 'Your comment (optional, Markdown)',
  sourceImage: 'Source image',
  keepImage: 'Keep this image (stored in the media library)',
  dropImage: 'Don’t use it',
  imageNotShown: 'Not shown here: this site loads images from itself only.',
  publish: 'Publish',
  saveDraft: 'Save draft',
  fetchMetadata: 'Fill in from the page',
  filledFrom: (host: string) => `Filled in from ${host}. Check everything before publishing.`,
  fetchFailed: {
    scheme: 'Only http and https addresses can be read.',
    port: 'This address uses a port other than 80 or 443, so it is not read.',
    credentials: 'Addresses with a user name or password are not read.',
    privateAddress: 'This address points to a private or local network, so it is not read.',
    privateName: 'This address names a local or internal machine, so it is not read.',
    invalidUrl: 'This is not a web address.',
    tooManyRedirects: 'The page redirects more than 3 times, so it was not read.',
    timeout: 'The page took more than 5 seconds to answer.',
    unreachable: 'The page could not be reached.',
    httpError: 'The site answered with an error.',
    wrongType: 'This address is not a web page (HTML).',
    tooLarge: 'The file is too large.',
  } satisfies Record<FetchFailure, string>,
  fetchFailedHint: 'Nothing was filled in; you can still write the note by hand.',
  imageRefused: {
    empty: 'the file is empty.',
    unsupportedType: 'it is not a JPEG, PNG, WebP, AVIF or GIF image.',
    tooManyPixels: 'it is more than 8,000 pixels on a side.',
    malformed: 'the image file is damaged.',
  },
  imageFailed: (reason: string) => `The source image was not kept: ${reason}`,
  editConflict: (href: string) =>
    `Someone saved this note after you opened it, so nothing was saved. Your text is below; open ${href} in another tab to see theirs, then save again to keep yours.`,
  bookmarkletTitle: 'From any page: the bookmarklet',
  bookmarkletHelp:
    'Drag this link to your bookmarks bar. On any page, select a passage and click it: this form opens with the page’s address, title and your selection.',
  bookmarkletLabel: (site: string) => `Note on ${site}`,
  installHelp:
    'On a phone, install this admin (“Add to Home screen”), then use Share → this blog from any app.',
  errors: {
    titleRequired: 'Give the note a title.',
    titleTooLong: 'Keep the title under 200 characters.',
    sourceUrlRequired: 'A note needs the address of its source.',
    sourceUrlInvalid: 'Use a full web address, starting with https:// or http://.',
    tooLong: 'This is longer than allowed; shorten it.',
    languageInvalid: 'Choose a language from the list.',
    unknownAuthor: 'Choose an author from the list.',
    unknownCategory: 'One of the chosen categories no longer exists.',
    dateInvalid: 'This date or time is not valid. Use the date picker, e.g. 2026-12-01 and 09:30.',
    timeZoneInvalid: 'Choose a time zone from the list.',
  } satisfies Record<NoteErrorCode, string>,
}

export type NoteMessages = typeof en

const fr: NoteMessages = {
  notes: 'Notes',
  newNote: 'Nouvelle note',
  editNote: 'Modifier la note',
  sourceUrl: 'Adresse de la source',
  siteName: 'Nom du site source',
  siteNameHelp: 'Affiché dans «\u202fLire sur…\u202f». Le domaine de l’adresse sert si vide.',
  sourcePublishedAt: 'Publié par la source le',
  quote: 'Texte cité ou résumé',
  comment: 'Votre commentaire (facultatif, Markdown)',
  sourceImage: 'Image de la source',
  keepImage: 'Garder cette image (enregistrée dans la médiathèque)',
  dropImage: 'Ne pas l’utiliser',
  imageNotShown: 'Non affichée ici\u202f: ce site ne charge que ses propres images.',
  publish: 'Publier',
  saveDraft: 'Enregistrer le brouillon',
  fetchMetadata: 'Remplir depuis la page',
  filledFrom: (host: string) => `Rempli depuis ${host}. Vérifiez tout avant de publier.`,
  fetchFailed: {
    scheme: 'Seules les adresses http et https peuvent être lues.',
    port: 'Cette adresse utilise un autre port que 80 ou 443\u202f: elle n’est pas lue.',
    credentials: 'Les adresses avec identifiant ou mot de passe ne sont pas lues.',
    privateAddress: 'Cette adresse mène à un réseau privé ou local\u202f: elle n’est pas lue.',
    privateName: 'Cette adresse désigne une machine locale ou interne\u202f: elle n’est pas lue.',
    invalidUrl: 'Ce n’est pas une adresse web.',
    tooManyRedirects: 'La page redirige plus de 3 fois\u202f: elle n’a pas été lue.',
    timeout: 'La page a mis plus de 5 secondes à répondre.',
    unreachable: 'La page est injoignable.',
    httpError: 'Le site a répondu par une erreur.',
    wrongType: 'Cette adresse n’est pas une page web (HTML).',
    tooLarge: 'Le fichier est trop volumineux.',
  },
  fetchFailedHint: 'Rien n’a été rempli\u202f; vous pouvez écrire la note à la main.',
  imageRefused: {
    empty: 'le fichier est vide.',
    unsupportedType: 'ce n’est pas une image JPEG, PNG, WebP, AVIF ou GIF.',
    tooManyPixels: 'elle dépasse 8\u202f000 pixels de côté.',
    malformed: 'le fichier image est endommagé.',
  },
  imageFailed: (reason: string) => `L’image de la source n’a pas été gardée\u202f: ${reason}`,
  editConflict: (href: string) =>
    `Quelqu’un a enregistré cette note après votre ouverture\u202f: rien n’a été enregistré. Votre texte est ci-dessous\u202f; ouvrez ${href} dans un autre onglet pour voir le sien, puis enregistrez de nouveau pour garder le vôtre.`,
  bookmarkletTitle: 'Depuis n’importe quelle page\u202f: le bookmarklet',
  bookmarkletHelp:
    'Glissez ce lien dans votre barre de favoris. Sur une page, sélectionnez un passage et cliquez-le\u202f: ce formulaire s’ouvre avec l’adresse, le titre et votre sélection.',
  bookmarkletLabel: (site: string) => `Note sur ${site}`,
  installHelp:
    'Sur un téléphone, installez cette administration («\u202fAjouter à l’écran d’accueil\u202f»), puis utilisez Partager → ce blog depuis n’importe quelle application.',
  errors: {
    titleRequired: 'Donnez un titre à la note.',
    titleTooLong: 'Le titre doit faire moins de 200 caractères.',
    sourceUrlRequired: 'Une note a besoin de l’adresse de sa source.',
    sourceUrlInvalid: 'Indiquez une adresse complète, commençant par https:// ou http://.',
    tooLong: 'C’est plus long que permis\u202f; raccourcissez.',
    languageInvalid: 'Choisissez une langue dans la liste.',
    unknownAuthor: 'Choisissez un auteur dans la liste.',
    unknownCategory: 'Une des catégories choisies n’existe plus.',
    dateInvalid: 'Date ou heure invalide. Utilisez le sélecteur, p. ex. 2026-12-01 et 09:30.',
    timeZoneInvalid: 'Choisissez un fuseau horaire dans la liste.',
  },
}

/** Why a source image was not kept, in a sentence; null for a reason this page does not know. */
export function imageFailureText(n: NoteMessages, reason: string): string | null {
  // For an image, "not an HTML page" would confuse: the address is not an image.
  if (reason === 'wrongType') reason = 'unsupportedType'
  if (Object.hasOwn(n.imageRefused, reason))
    return n.imageFailed(n.imageRefused[reason as keyof NoteMessages['imageRefused']])
  if (Object.hasOwn(n.fetchFailed, reason))
    return n.imageFailed(n.fetchFailed[reason as FetchFailure])
  return null
}

export function noteMessagesFor(locale: Locale): NoteMessages {
  return locale === 'fr' ? fr : en
}
