import * as v from 'valibot'
import { typedList, typedText } from '../../lib/validation/form'
import { canonicalAddress } from './addresses'
import { NAV_LIMITS } from './links'

/** The "Add link" and "Edit" forms exactly as typed, so a refused one comes back as sent. */
export const linkFormFields = v.object({
  label: typedText,
  address: typedText,
  /** The top-level link to add under, or '' for the top level. */
  parent: typedText,
})
export type LinkFormValues = v.InferOutput<typeof linkFormFields>

export type LinkErrorCode = 'labelRequired' | 'labelTooLong' | 'addressInvalid' | 'addressTooLong'
export type LinkErrors = Partial<Record<'label' | 'address', LinkErrorCode>>

/** A link's label and canonical address, or the errors by field. */
export function validateLink(values: LinkFormValues): {
  errors: LinkErrors
  link: { label: string; address: string } | null
} {
  const errors: LinkErrors = {}
  const label = values.label.trim()
  if (!label) errors.label = 'labelRequired'
  else if (label.length > NAV_LIMITS.label) errors.label = 'labelTooLong'
  const address = canonicalAddress(values.address)
  if (
    values.address.trim().length > NAV_LIMITS.address ||
    (address?.length ?? 0) > NAV_LIMITS.address
  )
    errors.address = 'addressTooLong'
  else if (!address) errors.address = 'addressInvalid'
  if (Object.keys(errors).length > 0 || !address) return { errors, link: null }
  return { errors, link: { label, address } }
}

export const moveFields = v.object({
  direction: v.pipe(
    typedText,
    v.transform((text) => (text === 'up' ? ('up' as const) : ('down' as const))),
  ),
})

/** A new order for one list, sent by the drag and drop script. */
export const orderFields = v.object({ parent: typedText, order: typedList })
