/**
 * Screenshots of the emulator dashboard's main views: serves a loopback emulator, fills it through the wire API
 * (users, a magic link, an OTP, a session, clients, a fraud rule, telemetry, a failing request), and saves one PNG per
 * view with Debian's chromium driven by playwright-core.
 *
 *   npx tsx scripts/screenshots.ts [out-dir]      (default: screenshots/)
 */
import * as Effect from "effect/Effect"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { chromium } from "playwright-core"
import { StytchEmulator } from "effect-stytch/testing"

const out = process.argv[2] ?? "screenshots"
const CHROMIUM = "/usr/bin/chromium"

const program = Effect.gen(function*() {
  const emulator = yield* StytchEmulator.StytchEmulator
  const server = yield* StytchEmulator.EmulatorServer
  const auth = "Basic " + Buffer.from(`${emulator.projectId}:secret-test-emulator`).toString("base64")
  const call = (path: string, body: unknown, authorization = auth) =>
    Effect.promise(async () => {
      const response = await fetch(server.url + path, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify(body)
      })
      return await response.json() as any
    })
  const ada = yield* call("/v1/users", {
    email: "ada@example.com",
    name: { first_name: "Ada", last_name: "Lovelace" },
    trusted_metadata: { plan: "pro" }
  })
  yield* call("/v1/users", { email: "grace@example.com", phone_number: "+15005550006", name: { first_name: "Grace" } })
  yield* call("/v1/users", { email: "mallory@example.com", name: { first_name: "<img src=x onerror=alert(1)>" } })
  yield* call("/v1/magic_links/email/login_or_create", { email: "ada@example.com" })
  yield* call("/v1/otps/sms/login_or_create", { phone_number: "+15005550006" })
  yield* call("/v1/passwords/email/reset/start", { email: "grace@example.com" })
  yield* call("/emulator/v1/sessions", { user_id: ada.user_id }, "")
  yield* call("/v1/m2m/clients", { client_name: "billing-worker", scopes: ["read:invoices", "write:invoices"] })
  yield* call("/v1/connected_apps/clients", {
    client_type: "third_party",
    client_name: "Partner portal",
    redirect_urls: ["https://partner.example.com/callback"]
  })
  yield* call("/v1/rules/set", { action: "BLOCK", country_code: "KP", description: "blocked region" })
  yield* call("/emulator/v1/telemetry", { ip_address: "203.0.113.7", country: "US", city: "Denver" }, "")
  yield* call("/v1/sessions/authenticate", { session_token: "not-a-session" })
  yield* call("/v1/users", { email: "ada@example.com" }, "Basic d3Jvbmc6Y3JlZHM=")

  mkdirSync(out, { recursive: true })
  yield* Effect.promise(async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
    })
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
      const shots: Array<[string, string]> = [
        ["users", "#/users"],
        ["user", `#/users/${ada.user_id}`],
        ["outbox", "#/outbox"],
        ["clients", "#/clients"],
        ["fraud", "#/fraud"],
        ["settings", "#/settings"],
        ["requests", "#/requests"]
      ]
      for (const [name, hash] of shots) {
        await page.goto(`${server.url}/emulator/ui${hash}`)
        await page.waitForSelector("main table, main .empty, main form")
        await page.waitForTimeout(300)
        await page.screenshot({ path: join(out, `dashboard-${name}.png`), fullPage: true })
        console.log(join(out, `dashboard-${name}.png`))
      }
    } finally {
      await browser.close()
    }
  })
})

Effect.runPromise(Effect.scoped(Effect.provide(program, StytchEmulator.layerServer()))).catch((error) => {
  console.error(error)
  process.exit(1)
})
