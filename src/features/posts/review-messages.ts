import type { Locale } from '../../i18n/site'

/** What the post editor and the admin list say about the review of a contributor's draft. */
const en = {
  submitForReview: 'Submit for review',
  reviewNote: 'Note to the editors',
  reviewNoteHelp: 'Optional: what to look at, what is left to do.',
  contributorStatus: 'As a contributor, you write drafts: an editor publishes them after review.',
  submitted: 'Submitted for review. An editor will publish it or send it back with a note.',
  pendingSince: (when: string) => `Waiting for review since ${when}.`,
  returnedBy: (who: string, when: string) => `Sent back by ${who} on ${when}:`,
  noteFrom: (who: string) => `Note from ${who}:`,
  someone: 'an editor',
  reviewLabel: { pending: 'Pending review', returned: 'Returned' },
}

export type PostReviewMessages = typeof en

const fr: PostReviewMessages = {
  submitForReview: 'Soumettre pour relecture',
  reviewNote: 'Note aux rédacteurs',
  reviewNoteHelp: 'Facultatif\u00a0: ce qu’il faut regarder, ce qui reste à faire.',
  contributorStatus:
    'En tant que contributeur, vous écrivez des brouillons\u00a0: un rédacteur les publie après relecture.',
  submitted: 'Soumis pour relecture. Un rédacteur le publiera ou vous le renverra avec une note.',
  pendingSince: (when: string) => `En attente de relecture depuis le ${when}.`,
  returnedBy: (who: string, when: string) => `Renvoyé par ${who} le ${when}\u00a0:`,
  noteFrom: (who: string) => `Note de ${who}\u00a0:`,
  someone: 'un rédacteur',
  reviewLabel: { pending: 'En relecture', returned: 'Renvoyé' },
}

export function postReviewMessagesFor(locale: Locale): PostReviewMessages {
  return locale === 'fr' ? fr : en
}
