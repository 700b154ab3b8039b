import { LANGUAGES, type User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { SETTINGS_LIMITS as MAX } from '../limits'
import type { SettingsMessages } from '../messages'
import type { SettingsField, SettingsFormValues } from '../schemas'

export type SettingsPageProps = {
  a: AdminMessages
  s: SettingsMessages
  editor: User
  values: SettingsFormValues
  errors: Partial<Record<SettingsField, string>>
  timeZones: string[]
  notice?: { message: string; tone: 'info' | 'error' } | null
}

type FieldProps = {
  name: SettingsField
  label: string
  values: SettingsFormValues
  errors: SettingsPageProps['errors']
  help?: string
  maxlength?: number
  type?: string
  required?: boolean
  min?: number
  max?: number
  list?: string
}

/** A labelled input with its help and error, tied together for screen readers. */
function Field({ name, label, values, errors, help, ...input }: FieldProps) {
  const error = errors[name]
  const described = [error && `${name}-error`, help && `${name}-help`].filter(Boolean).join(' ')
  return (
    <>
      <label>
        {label}
        <input
          name={name}
          id={`settings-${name}`}
          value={values[name]}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described || undefined}
          {...input}
        />
      </label>
      {help && (
        <p class="help" id={`${name}-help`}>
          {help}
        </p>
      )}
      <FieldError id={`${name}-error`} message={error} />
    </>
  )
}

export function SettingsPage(props: SettingsPageProps) {
  const { a, s, editor, values, errors } = props
  const common = { values, errors }
  const hasErrors = Object.keys(errors).length > 0
  return (
    <section class="admin settings">
      <AdminNav a={a} editor={editor} />
      <h1>{s.settings}</h1>
      <p>{s.intro}</p>
      {/* Follow by email keeps its settings with the subscribers (features/subscriptions). */}
      <p>
        <a href="/admin/subscribers#email-settings">{a.emailSettingsLink}</a>
      </p>
      <Notice message={props.notice?.message} tone={props.notice?.tone} />
      {hasErrors && <Notice message={s.fixErrors} tone="error" />}
      <form method="post" action="/admin/settings" class="settings-form stack">
        <input type="hidden" name="version" value={values.version} />
        <fieldset class="stack">
          <legend>{s.identity}</legend>
          <Field name="name" label={s.siteName} maxlength={MAX.name} required {...common} />
          <Field name="tagline" label={s.tagline} maxlength={MAX.tagline} {...common} />
          <label>
            {s.language}
            <select
              name="language"
              aria-describedby="language-help"
              aria-invalid={errors.language ? 'true' : undefined}
            >
              {LANGUAGES.map((language) => (
                <option value={language} selected={values.language === language}>
                  {s.languageNames[language]}
                </option>
              ))}
            </select>
          </label>
          <p class="help" id="language-help">
            {s.languageHelp}
          </p>
          <FieldError id="language-error" message={errors.language} />
          <Field
            name="timeZone"
            label={s.timeZone}
            help={s.timeZoneHelp}
            maxlength={64}
            list="time-zones"
            {...common}
          />
          <datalist id="time-zones">
            {props.timeZones.map((zone) => (
              <option value={zone}></option>
            ))}
          </datalist>
          <Field
            name="publicUrl"
            label={s.publicUrl}
            help={s.publicUrlHelp}
            type="url"
            maxlength={MAX.publicUrl}
            {...common}
          />
        </fieldset>

        <fieldset class="stack">
          <legend>{s.reading}</legend>
          <Field
            name="postsPerPage"
            label={s.postsPerPage}
            help={s.range(1, MAX.postsPerPage)}
            type="number"
            min={1}
            max={MAX.postsPerPage}
            {...common}
          />
          <Field
            name="postsPerFeed"
            label={s.postsPerFeed}
            help={s.range(1, MAX.postsPerFeed)}
            type="number"
            min={1}
            max={MAX.postsPerFeed}
            {...common}
          />
        </fieldset>

        <fieldset class="stack">
          <legend>{s.images}</legend>
          <p class="help">
            {s.imagesHelp} <a href="/admin/media">{s.mediaLibrary}</a>
          </p>
          {values.logo && <img class="settings-preview" src={values.logo} alt="" height={48} />}
          <Field name="logo" label={s.logo} maxlength={MAX.imagePath} {...common} />
          <Field name="logoAlt" label={s.logoAlt} maxlength={MAX.alt} {...common} />
          <Field
            name="socialImage"
            label={s.socialImage}
            help={s.socialImageHelp}
            maxlength={MAX.imagePath}
            {...common}
          />
          <Field name="socialImageAlt" label={s.socialImageAlt} maxlength={MAX.alt} {...common} />
        </fieldset>

        <fieldset class="stack">
          <legend>{s.footer}</legend>
          <label>
            {s.footerText}
            <textarea
              name="footerText"
              rows={3}
              maxlength={MAX.footerText}
              aria-invalid={errors.footerText ? 'true' : undefined}
              aria-describedby={errors.footerText ? 'footerText-error' : undefined}
            >
              {values.footerText}
            </textarea>
          </label>
          <FieldError id="footerText-error" message={errors.footerText} />
        </fieldset>

        <fieldset class="stack">
          <legend>{s.socialProfiles}</legend>
          <p class="help">{s.socialProfilesHelp}</p>
          {(['mastodon', 'linkedin', 'instagram', 'bluesky'] as const).map((network) => (
            <Field
              name={network}
              label={s.networks[network]}
              type="url"
              maxlength={MAX.profileUrl}
              {...common}
            />
          ))}
          <Field
            name="otherProfile"
            label={s.networks.other}
            type="url"
            maxlength={MAX.profileUrl}
            {...common}
          />
        </fieldset>

        <fieldset class="stack">
          <legend>{s.audience}</legend>
          <label class="check">
            <input
              type="checkbox"
              name="audienceEnabled"
              value="on"
              checked={values.audienceEnabled === 'on'}
            />{' '}
            {s.audienceEnabled}
          </label>
          <Field
            name="retentionMonths"
            label={s.retentionMonths}
            help={s.range(1, MAX.retentionMonths)}
            type="number"
            min={1}
            max={MAX.retentionMonths}
            {...common}
          />
        </fieldset>

        <div class="form-actions">
          <button type="submit">{s.save}</button>
        </div>
      </form>
    </section>
  )
}
