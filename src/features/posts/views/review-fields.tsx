import { formatDateTime } from '../../../lib/dates'
import { FIELD_MAX } from '../../../lib/validation/limits'
import type { Site } from '../../../types'
import { FieldError } from '../../../ui/admin-nav'
import { postReviewMessagesFor } from '../review-messages'
import type { ReviewWithNames } from '../review-state'
import type { PostFormValues } from '../schemas'

/**
 * A contributor's status: always a draft. The date fields travel hidden, so a date an editor set
 * is kept when the contributor saves.
 */
export function ContributorStatus({ site, values }: { site: Site; values: PostFormValues }) {
  return (
    <>
      <input type="hidden" name="status" value="draft" />
      <input type="hidden" name="publishDate" value={values.publishDate} />
      <input type="hidden" name="publishTime" value={values.publishTime} />
      <input type="hidden" name="timeZone" value={values.timeZone} />
      <p class="help">{postReviewMessagesFor(site.locale).contributorStatus}</p>
    </>
  )
}

/** The note that goes with Submit for review. */
export function SubmitForReviewFields(props: {
  site: Site
  values: PostFormValues
  error?: string
}) {
  const r = postReviewMessagesFor(props.site.locale)
  return (
    <>
      <label>
        {r.reviewNote}
        <textarea
          name="reviewNote"
          rows={3}
          maxlength={FIELD_MAX.reviewNote}
          aria-describedby={props.error ? 'reviewNote-error' : 'reviewNote-help'}
          aria-invalid={props.error ? 'true' : undefined}
        >
          {props.values.reviewNote}
        </textarea>
      </label>
      <p class="help" id="reviewNote-help">
        {r.reviewNoteHelp}
      </p>
      <FieldError id="reviewNote-error" message={props.error} />
    </>
  )
}

/** Where the post's review stands: waiting in the queue, or sent back with the editor's note. */
export function ReviewStatus({ site, review }: { site: Site; review: ReviewWithNames }) {
  const r = postReviewMessagesFor(site.locale)
  const when = (date: Date) => formatDateTime(date, site.locale, site.timeZone)
  if (review.state === 'returned') {
    return (
      <section class="notice notice-info review-returned" role="status">
        <p>
          {r.returnedBy(
            review.returnedByName ?? r.someone,
            review.returnedAt ? when(review.returnedAt) : '—',
          )}
        </p>
        <blockquote class="review-note">{review.returnNote}</blockquote>
      </section>
    )
  }
  return (
    <section class="notice notice-info review-pending" role="status">
      <p>{r.pendingSince(when(review.submittedAt))}</p>
      {review.submitNote && (
        <p>
          {r.noteFrom(review.submittedByName ?? r.someone)}{' '}
          <q class="review-note">{review.submitNote}</q>
        </p>
      )}
    </section>
  )
}
