import type { DeliveryCounts } from '../queries'
import { subscriptionAdminMessagesFor } from '../messages'

/**
 * The post form's **Email to subscribers** box, and once the post was handed out, its queued /
 * sent / failed counts. `emailSubscribersShown` tells a save that the box was on the form (an
 * unticked box sends nothing at all).
 */
export function MailingFields({
  locale,
  checked,
  counts,
}: {
  locale: string
  checked: boolean
  counts: DeliveryCounts | null
}) {
  const m = subscriptionAdminMessagesFor(locale)
  return (
    <div class="field mailing-fields">
      <input type="hidden" name="emailSubscribersShown" value="1" />
      <label>
        <input
          type="checkbox"
          name="emailSubscribers"
          value="on"
          checked={checked}
          aria-describedby="emailSubscribers-help"
        />{' '}
        {m.emailToSubscribers}
      </label>
      <p class="help" id="emailSubscribers-help">
        {m.emailToSubscribersHelp}
      </p>
      {counts && (
        <p class="mailing-counts" role="status">
          {m.mailingCounts(counts.queued, counts.sent, counts.failed)}
        </p>
      )}
    </div>
  )
}
