/**
 * One wording for a schema expectation in both lines' `StytchRequestError` / `StytchDecodeError` (plain text rules,
 * no Effect). Effect 3 and Effect 4 format the same schema differently; these are the differences seen on our
 * schemas, mapped to one form:
 * - an optional field's type: Effect 4 says `Expected string | undefined` where Effect 3 says `Expected string`
 *   (the value is present, or there would be no issue, so `undefined` adds nothing);
 * - a `Redacted` field: Effect 3 says `Expected Redacted(<redacted>)`, Effect 4 `Expected Redacted`.
 * Long expectations (a union of many literals) are cut at 160 characters.
 */
const MAX_EXPECTED = 160

export const plainExpectation = (text: string): string => {
  const plain = text.replace(/Redacted\(<redacted>\)/g, "Redacted").replace(/^(Expected .+?) \| undefined$/, "$1")
    .replace(/^Expected undefined \| (.+)$/, "Expected $1")
  return plain.length > MAX_EXPECTED ? `${plain.slice(0, MAX_EXPECTED)}...` : plain
}
