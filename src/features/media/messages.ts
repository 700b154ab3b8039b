import type { Locale } from '../../i18n/site'

const en = {
  media: 'Media',
  mediaTitle: 'Images',
  upload: 'Upload',
  uploadImage: 'Upload an image',
  file: 'Image file',
  fileHelp: 'JPEG, PNG, WebP, AVIF or GIF, 10 MB and 8,000 pixels a side at most.',
  alt: 'Alt text',
  altHelp: 'What the image shows, for people who cannot see it.',
  decorative: 'Decorative: it says nothing the text does not (no alt text)',
  noMedia: 'No images yet.',
  size: 'Size',
  usedIn: 'Used in',
  notUsed: 'Not used',
  inTrash: 'in the trash',
  featured: 'featured',
  copyPath: 'Path to use in markdown',
  delete: 'Delete',
  deleted: 'Image deleted.',
  uploaded: 'Image uploaded.',
  alreadyStored: 'This image was already stored; the existing copy is used.',
  deleteRefused:
    'This image is still used, so it was not deleted. Remove it from these posts first:',
  older: 'Older images',
  chooseFile: 'Pick a file, drop it into the text or paste it.',
  uploading: 'Uploading…',
  uploadFailed: 'The upload failed.',
  featuredImage: 'Featured image',
  featuredHelp: 'Shown above the post and as its thumbnail in lists.',
  featuredPath: 'Image path (/media/…)',
  choose: 'Choose from the library',
  remove: 'Remove',
  featuredAlt: 'Featured image alt text',
  insert: 'Insert',
  cancel: 'Cancel',
  errors: {
    empty: 'Choose an image file.',
    tooLarge: 'This file is larger than 10 MB.',
    unsupportedType:
      'This file is not a JPEG, PNG, WebP, AVIF or GIF image (SVG is not accepted: it can carry scripts).',
    tooManyPixels: 'This image is larger than 8,000 pixels on a side.',
    malformed: 'This image file is damaged and cannot be read.',
    metadataKept:
      'This image carries camera or location details that cannot be removed from it. Export it again without them, or as JPEG, and upload that.',
    altTooLong: 'The alt text may be 500 characters at most.',
  },
}

export type MediaMessages = typeof en

const fr: MediaMessages = {
  media: 'Médias',
  mediaTitle: 'Images',
  upload: 'Envoyer',
  uploadImage: 'Envoyer une image',
  file: 'Fichier image',
  fileHelp: 'JPEG, PNG, WebP, AVIF ou GIF, 10\u00a0Mo et 8\u202f000 pixels de côté au plus.',
  alt: 'Texte alternatif',
  altHelp: 'Ce que montre l’image, pour qui ne peut pas la voir.',
  decorative: 'Décorative\u00a0: elle n’apporte rien au texte (pas de texte alternatif)',
  noMedia: 'Aucune image pour l’instant.',
  size: 'Taille',
  usedIn: 'Utilisée dans',
  notUsed: 'Inutilisée',
  inTrash: 'dans la corbeille',
  featured: 'à la une',
  copyPath: 'Chemin à utiliser dans le markdown',
  delete: 'Supprimer',
  deleted: 'Image supprimée.',
  uploaded: 'Image envoyée.',
  alreadyStored: 'Cette image était déjà enregistrée\u00a0: la copie existante est utilisée.',
  deleteRefused:
    'Cette image est encore utilisée\u00a0: elle n’a pas été supprimée. Retirez-la d’abord de ces articles\u00a0:',
  older: 'Images plus anciennes',
  chooseFile: 'Choisissez un fichier, déposez-le dans le texte ou collez-le.',
  uploading: 'Envoi…',
  uploadFailed: 'L’envoi a échoué.',
  featuredImage: 'Image à la une',
  featuredHelp: 'Affichée au-dessus de l’article et en vignette dans les listes.',
  featuredPath: 'Chemin de l’image (/media/…)',
  choose: 'Choisir dans la médiathèque',
  remove: 'Retirer',
  featuredAlt: 'Texte alternatif de l’image à la une',
  insert: 'Insérer',
  cancel: 'Annuler',
  errors: {
    empty: 'Choisissez un fichier image.',
    tooLarge: 'Ce fichier dépasse 10\u00a0Mo.',
    unsupportedType:
      'Ce fichier n’est pas une image JPEG, PNG, WebP, AVIF ou GIF (le SVG est refusé\u00a0: il peut contenir des scripts).',
    tooManyPixels: 'Cette image dépasse 8\u202f000 pixels de côté.',
    malformed: 'Ce fichier image est endommagé et illisible.',
    metadataKept:
      'Cette image contient des informations d’appareil ou de lieu impossibles à retirer. Exportez-la à nouveau sans elles, ou en JPEG, puis envoyez-la.',
    altTooLong: 'Le texte alternatif ne peut dépasser 500\u00a0caractères.',
  },
}

export function mediaMessagesFor(locale: Locale): MediaMessages {
  return locale === 'fr' ? fr : en
}

/** "1.2 MB" / "1,2 Mo": a file size in the site's language. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const units = locale === 'fr' ? ['octets', 'Ko', 'Mo'] : ['bytes', 'KB', 'MB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })
  return `${number.format(value)}\u00a0${units[unit]}`
}
