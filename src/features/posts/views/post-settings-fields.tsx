import { LANGUAGES } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { FieldError } from '../../../ui/admin-nav'

/** What the post and note forms share: categories, language and author, publication date. */
type SettingsValues = {
  categoryIds: string[]
  newCategory: string
  language: string
  authorId: string
  publishDate: string
  publishTime: string
  timeZone: string
}

type FieldsProps = {
  a: AdminMessages
  values: SettingsValues
  errors: Partial<Record<string, string>>
}

const invalid = (error: string | undefined) => (error ? 'true' : undefined)

export function CategoryFields(
  props: FieldsProps & { categories: { id: number; name: string }[]; newCategoryMax: number },
) {
  const { a, values, errors } = props
  return (
    <fieldset>
      <legend>{a.categories}</legend>
      {props.categories.map((category) => (
        <label class="check">
          <input
            type="checkbox"
            name="categoryIds"
            value={String(category.id)}
            checked={values.categoryIds.includes(String(category.id))}
          />{' '}
          {category.name}
        </label>
      ))}
      <label>
        {a.newCategory}
        <input
          name="newCategory"
          value={values.newCategory}
          maxlength={props.newCategoryMax}
          aria-invalid={invalid(errors.newCategory)}
        />
      </label>
      <FieldError id="newCategory-error" message={errors.newCategory} />
      <FieldError id="categoryIds-error" message={errors.categoryIds} />
    </fieldset>
  )
}

/** The language select, as posts, notes and pages have it. */
export function LanguageField(props: { a: AdminMessages; language: string }) {
  const { a } = props
  return (
    <label>
      {a.language}
      <select name="language">
        {LANGUAGES.map((language) => (
          <option value={language} selected={props.language === language}>
            {a.languageNames[language]}
          </option>
        ))}
      </select>
    </label>
  )
}

export function LanguageAuthorFields(
  props: FieldsProps & { authors: { id: number; name: string }[] },
) {
  const { a, values, errors } = props
  return (
    <>
      <div class="form-row">
        <LanguageField a={a} language={values.language} />
        <label>
          {a.author}
          <select name="authorId" aria-invalid={invalid(errors.authorId)}>
            {props.authors.map((author) => (
              <option value={String(author.id)} selected={values.authorId === String(author.id)}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldError id="language-error" message={errors.language} />
      <FieldError
        id="authorId-error"
        message={props.authors.length === 0 ? a.noBylineOfYourOwn : errors.authorId}
      />
    </>
  )
}

export function PublishDateFields(props: FieldsProps & { timeZones: string[] }) {
  const { a, values, errors } = props
  return (
    <>
      <div class="form-row">
        <label>
          {a.publishDate}
          <input
            type="date"
            name="publishDate"
            value={values.publishDate}
            aria-invalid={invalid(errors.publishDate)}
            aria-describedby={errors.publishDate ? 'publishDate-error' : undefined}
          />
        </label>
        <label>
          {a.publishTime}
          <input type="time" name="publishTime" value={values.publishTime} />
        </label>
        <label>
          {a.timeZone}
          <input
            name="timeZone"
            value={values.timeZone}
            list="time-zones"
            autocomplete="off"
            spellcheck={false}
            maxlength={64}
            aria-describedby="timeZone-help"
            aria-invalid={invalid(errors.timeZone)}
          />
        </label>
        <datalist id="time-zones">
          {props.timeZones.map((zone) => (
            <option value={zone}></option>
          ))}
        </datalist>
      </div>
      <p class="help" id="timeZone-help">
        {a.timeZoneHelp}
      </p>
      <FieldError id="publishDate-error" message={errors.publishDate} />
      <FieldError id="timeZone-error" message={errors.timeZone} />
    </>
  )
}
