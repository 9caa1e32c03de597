/**
 * What local verification of session JWTs and M2M tokens shares: reading the header and mapping jose's failures
 * to the SDK's typed errors (the token itself never goes into an error).
 */
import * as jose from "jose"
import {
  type StytchJwtError,
  StytchJwtExpired,
  StytchJwtInvalidAudience,
  StytchJwtInvalidIssuer,
  StytchJwtInvalidSignature,
  StytchJwtMalformed,
  StytchJwtNotYetValid,
  StytchJwtUnsupportedAlgorithm
} from "../schemas/Errors.js"

/** alg and kid of a compact JWS, read without verifying anything; `undefined` when it is not one. */
export const headerOf = (token: string): { readonly alg: unknown; readonly kid: string } | undefined => {
  try {
    const header = jose.decodeProtectedHeader(token)
    return { alg: header.alg, kid: typeof header.kid === "string" ? header.kid : "(none)" }
  } catch {
    return undefined
  }
}

/** Maps a jose verification failure to its typed error. */
export const joseFailure = (error: unknown): StytchJwtError => {
  if (error instanceof jose.errors.JWTExpired) return new StytchJwtExpired({ detail: error.message })
  if (error instanceof jose.errors.JWTClaimValidationFailed) {
    const detail = error.message
    switch (error.claim) {
      case "nbf":
        return new StytchJwtNotYetValid({ detail })
      case "iss":
        return new StytchJwtInvalidIssuer({ detail })
      case "aud":
        return new StytchJwtInvalidAudience({ detail })
      default:
        return new StytchJwtMalformed({ detail })
    }
  }
  if (error instanceof jose.errors.JOSEAlgNotAllowed) {
    return new StytchJwtUnsupportedAlgorithm({ detail: "only RS256 is accepted" })
  }
  if (error instanceof jose.errors.JWSSignatureVerificationFailed) {
    return new StytchJwtInvalidSignature({ detail: "the signature does not verify" })
  }
  return new StytchJwtMalformed({ detail: error instanceof Error ? error.message : "not a JWT" })
}
