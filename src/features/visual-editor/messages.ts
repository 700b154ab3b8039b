import type { Locale } from '../../i18n/site'

const en = {
  modes: 'Editing mode',
  visual: 'Visual',
  markdown: 'Markdown',
  toolbar: 'Formatting',
  bold: 'Bold',
  italic: 'Italic',
  link: 'Link',
  heading: (level: number) => `Heading ${level}`,
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  quote: 'Quote',
  code: 'Code',
  codeBlock: 'Code block',
  table: 'Table',
  addRow: 'Add a row below',
  addColumn: 'Add a column to the right',
  deleteRow: 'Delete this row',
  deleteColumn: 'Delete this column',
  deleteTable: 'Delete the table',
  rule: 'Horizontal rule',
  image: 'Image',
  undo: 'Undo',
  redo: 'Redo',
  linkTitle: 'Link',
  linkAddress: 'Address',
  linkHelp:
    'A full address (https://…) or a path on this site (/posts/…). Links open in the same tab.',
  apply: 'Apply',
  removeLink: 'Remove link',
  cancel: 'Cancel',
  altButton: (alt: string) => (alt ? `Alt text: ${alt}` : 'Alt text: none (edit)'),
  raw: 'Kept as written: edit it in the Markdown view',
  words: (words: number, minutes: number) =>
    `${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'} · ${minutes} min read`,
  pasteFailed: 'The formatting could not be checked; pasted as plain text.',
}

export type VisualEditorMessages = typeof en

const fr: VisualEditorMessages = {
  modes: 'Mode d’édition',
  visual: 'Visuel',
  markdown: 'Markdown',
  toolbar: 'Mise en forme',
  bold: 'Gras',
  italic: 'Italique',
  link: 'Lien',
  heading: (level) => `Titre ${level}`,
  bulletList: 'Liste à puces',
  orderedList: 'Liste numérotée',
  quote: 'Citation',
  code: 'Code',
  codeBlock: 'Bloc de code',
  table: 'Tableau',
  addRow: 'Ajouter une ligne dessous',
  addColumn: 'Ajouter une colonne à droite',
  deleteRow: 'Supprimer cette ligne',
  deleteColumn: 'Supprimer cette colonne',
  deleteTable: 'Supprimer le tableau',
  rule: 'Trait horizontal',
  image: 'Image',
  undo: 'Annuler',
  redo: 'Rétablir',
  linkTitle: 'Lien',
  linkAddress: 'Adresse',
  linkHelp:
    'Une adresse complète (https://…) ou un chemin de ce site (/posts/…). Les liens s’ouvrent dans le même onglet.',
  apply: 'Appliquer',
  removeLink: 'Retirer le lien',
  cancel: 'Annuler',
  altButton: (alt) => (alt ? `Texte alternatif : ${alt}` : 'Texte alternatif : aucun (modifier)'),
  raw: 'Conservé tel quel : à modifier dans la vue Markdown',
  words: (words, minutes) =>
    `${words.toLocaleString('fr')} ${words === 1 ? 'mot' : 'mots'} · ${minutes} min de lecture`,
  pasteFailed: 'La mise en forme n’a pas pu être vérifiée ; collé en texte brut.',
}

export function visualEditorMessagesFor(locale: Locale): VisualEditorMessages {
  return locale === 'fr' ? fr : en
}

/**
 * The labels the browser needs, as plain strings: functions become templates with {n}/{m}/{alt}
 * placeholders, filled in by the script.
 */
export function browserMessages(m: VisualEditorMessages) {
  const { heading, altButton, words, ...plain } = m
  return {
    ...plain,
    heading: heading(9).replace('9', '{n}'),
    altButton: altButton('{alt}'),
    altNone: altButton(''),
    words: words(1001, 9)
      .replace(/1[,\u202f\u00a0 ]?001/, '{n}')
      .replace('9', '{m}'),
    word: words(1, 9).replace('1', '{n}').replace('9', '{m}'),
  }
}

export type BrowserMessages = ReturnType<typeof browserMessages>
