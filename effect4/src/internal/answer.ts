/**
 * An answer's body parsed once, for the Effect 4 line's pipeline and OAuth2 forms (the rules are `core/answer.ts`,
 * shared with the Effect 3 line).
 */
import { StytchDecodeError } from "../schemas/Errors.js"
import { parseJson, requestIdOf } from "../../../src/core/answer.js"

export { classifyErrorBody, NOT_JSON, parseJson, requestIdOf, withStatusCode } from "../../../src/core/answer.js"

/**
 * An answer's body parsed once (`NOT_JSON` when it is not JSON), its `request_id` when it has one, and a maker of
 * the `StytchDecodeError` that names them.
 */
export const parseAnswer = (
  answer: { readonly status: number; readonly body: string },
  method: string,
  url: string
) => {
  const json = parseJson(answer.body)
  const requestId = requestIdOf(json)
  const decodeError = (detail: string) =>
    new StytchDecodeError({ status: answer.status, request_id: requestId, method, url, detail })
  return { json, requestId, decodeError }
}
