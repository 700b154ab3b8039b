import type { MailMessage } from '../../lib/mail'
import type { Locale } from '../../i18n/site'
import type { AccountLinkMessages } from './messages'

/** The HTML alternative of a message: the same lines as paragraphs, the link as a link. */
function MailHtml(props: { lines: string[]; link: string; linkLabel: string; language: Locale }) {
  const paragraphs = props.lines.join('\n').split('\n\n')
  return (
    <html lang={props.language}>
      <body>
        {paragraphs.map((paragraph) =>
          paragraph.includes(props.link) ? (
            <p>
              {paragraph.replace(props.link, '').trim()}
              <br />
              <a href={props.link}>{props.linkLabel}</a>
            </p>
          ) : (
            <p>{paragraph}</p>
          ),
        )}
      </body>
    </html>
  )
}

function message(
  to: string,
  subject: string,
  lines: string[],
  link: string,
  linkLabel: string,
  language: Locale,
): MailMessage {
  const html = `<!doctype html>${(<MailHtml lines={lines} link={link} linkLabel={linkLabel} language={language} />).toString()}`
  return {
    to,
    subject,
    text: `${lines.join('\n')}\n`,
    html,
    // Automatic messages: no vacation replies to them (RFC 3834).
    headers: { 'Auto-Submitted': 'auto-generated' },
    language,
  }
}

export function invitationMail(
  m: AccountLinkMessages,
  language: Locale,
  p: { to: string; site: string; inviter: string; role: string; link: string; until: string },
) {
  return message(
    p.to,
    m.invitationSubject(p.site),
    m.invitationMail(p),
    p.link,
    m.acceptInvitation,
    language,
  )
}

export function recoveryMail(
  m: AccountLinkMessages,
  language: Locale,
  p: { to: string; site: string; name: string; link: string; until: string },
) {
  return message(
    p.to,
    m.recoverySubject(p.site),
    m.recoveryMail({ ...p, email: p.to }),
    p.link,
    m.setNewPassword,
    language,
  )
}
