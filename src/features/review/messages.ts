import type { Locale } from '../../i18n/site'

const en = {
  title: 'Review',
  intro:
    'Drafts contributors submitted. Publish or schedule them, or send them back with a note; open one to edit it first.',
  empty: 'Nothing is waiting for review.',
  submittedBy: (who: string, when: string) => `Submitted by ${who} on ${when}`,
  someone: 'a contributor who has left',
  kind: { post: 'Post', note: 'Note', page: 'Page' },
  byline: 'Byline',
  theirNote: 'Their note',
  open: 'Open in the editor',
  publishNow: 'Publish now',
  schedule: 'Schedule',
  returnNote: 'Note for the contributor',
  sendBack: 'Send back',
  published: 'Published.',
  scheduled: 'Scheduled.',
  returned: 'Sent back with your note.',
  noteRequired: 'Write a note saying what to change.',
  noteTooLong: 'Keep the note under 2,000 characters.',
  conflict: 'This post changed since the page was loaded: check it again before publishing.',
  notPending: 'This post is no longer waiting for review.',
  cannotPublish: (title: string) => `“${title}” was not published:`,
}

export type ReviewMessages = typeof en

const fr: ReviewMessages = {
  title: 'Relecture',
  intro:
    'Les brouillons soumis par les contributeurs. Publiez-les, programmez-les, ou renvoyez-les avec une note\u00a0; ouvrez-en un pour le modifier d’abord.',
  empty: 'Rien n’attend de relecture.',
  submittedBy: (who: string, when: string) => `Soumis par ${who} le ${when}`,
  someone: 'un contributeur parti depuis',
  kind: { post: 'Article', note: 'Note', page: 'Page' },
  byline: 'Signé',
  theirNote: 'Sa note',
  open: 'Ouvrir dans l’éditeur',
  publishNow: 'Publier maintenant',
  schedule: 'Programmer',
  returnNote: 'Note pour le contributeur',
  sendBack: 'Renvoyer',
  published: 'Publié.',
  scheduled: 'Programmé.',
  returned: 'Renvoyé avec votre note.',
  noteRequired: 'Écrivez une note qui dit quoi changer.',
  noteTooLong: 'La note doit faire moins de 2\u00a0000\u00a0caractères.',
  conflict:
    'Cet article a changé depuis le chargement de la page\u00a0: relisez-le avant de le publier.',
  notPending: 'Cet article n’attend plus de relecture.',
  cannotPublish: (title: string) => `«\u00a0${title}\u00a0» n’a pas été publié\u00a0:`,
}

export function reviewMessagesFor(locale: Locale): ReviewMessages {
  return locale === 'fr' ? fr : en
}
