// The columns a delivery is found by, as the store fills them from its record: the phone number's
// digits (`phone_digits`, prefix-searched on its index) and the words of the email's handle (in
// the word index). The search (search/search-plan.ts) reads what is typed the same way.

/** A phone number as searched: its digits, without a leading US country code. */
export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null
  const digits = phone.replace(/\D/g, '')
  if (digits === '') return null
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
}

/** The words of an email's handle ("mai.nguyen" of mai.nguyen@example.org), for the word index. */
export function emailHandle(email: string | null | undefined): string | null {
  if (!email) return null
  const at = email.indexOf('@')
  return at > 0 ? email.slice(0, at) : email
}
