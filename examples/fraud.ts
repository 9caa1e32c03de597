/**
 * Fraud: score a sign-up's email address, block a network range with a rule, list the rules, and (given a telemetry
 * id from Stytch's browser fingerprinting library) look up the device's verdict.
 *
 *   npx tsx examples/fraud.ts
 *   TELEMETRY_ID=<id from the browser> npx tsx examples/fraud.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 * Lookups and rules go to the telemetry host (STYTCH_FRAUD_BASE_URL, https://telemetry.stytch.com by default).
 */
import { Config, Console, Effect, Layer, Option } from "effect"
import { HttpTransport, Fraud, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const fraud = yield* Fraud.Fraud
  const telemetryId = yield* Config.option(Config.string("TELEMETRY_ID"))

  const risk = yield* fraud.email.risk({ email_address: "ada@mailinator.com" })
  const rule = yield* fraud.rules.set({
    action: "BLOCK",
    cidr_block: "198.51.100.0/24",
    expires_in_minutes: 60,
    description: "card testing from this range"
  })
  const { rules } = yield* fraud.rules.list({ limit: 10 })

  const verdict = Option.isNone(telemetryId) ? undefined : yield* fraud.fingerprint.lookup({
    telemetry_id: telemetryId.value
  }).pipe(
    Effect.map((found) => ({ action: found.verdict.action, reasons: found.verdict.reasons })),
    // A telemetry id lives an hour.
    Effect.catchTag("TelemetryIdNotFound", () => Effect.succeed(undefined))
  )

  return {
    email: { action: risk.action, risk_score: risk.risk_score },
    rule: { cidr_block: rule.cidr_block, action: rule.action },
    rules: rules.length,
    verdict
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
