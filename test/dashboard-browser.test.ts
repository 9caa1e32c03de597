/**
 * The dashboard in a real browser: Debian's chromium (`/usr/bin/chromium`, installed by `.ci/run`), headless, driven
 * by playwright-core (no browser download). The SDK talks to a loopback emulator; the page, opened on the same
 * server, must show what the SDK did, live, and its session revocation must be what the SDK sees next.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { existsSync } from "node:fs"
import { type Browser, chromium, type Page } from "playwright-core"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { MagicLinks, Sessions, Users } from "../src/index.js"
import { expectFailure, uniqueEmail } from "./support.js"

vi.setConfig({ testTimeout: 90_000 })

const CHROMIUM = "/usr/bin/chromium"
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`dashboard-browser: skipped, ${CHROMIUM} is absent (apt-get install chromium)`)

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

/** A headless chromium for the scope (a fresh profile each launch), closed with it. */
const browser = Effect.acquireRelease(
  Effect.promise(() => chromium.launch({ executablePath: CHROMIUM, args: ARGS })),
  (b: Browser) => Effect.promise(() => b.close())
)

const step = <A>(f: () => Promise<A>) => Effect.promise(f)

/** The redirect URL every magic link points to (the emulator's default), answered by the test, never fetched. */
const APP = "http://localhost:3000/"

const title = `dashboard in headless chromium${hasChromium ? "" : ` (skipped: ${CHROMIUM} is absent)`}`

describe.skipIf(!hasChromium)(title, () => {
  it.live("shows the SDK's user and magic link live, follows the link, and revokes the session it made", () =>
    Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      const emulator = yield* StytchEmulator.StytchEmulator
      const users = yield* Users.Users
      const magicLinks = yield* MagicLinks.MagicLinks
      const sessions = yield* Sessions.Sessions
      const page: Page = yield* Effect.flatMap(browser, (b) => step(() => b.newPage()))

      // Everything the page asks for must be the emulator's own origin (or the link the test clicks).
      const requested: Array<string> = []
      const problems: Array<string> = []
      page.on("request", (r) => requested.push(r.url()))
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`))
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`console: ${m.text()}`)
      })
      const followed: Array<string> = []
      yield* step(() =>
        page.route(`${APP}**`, (route) => {
          followed.push(route.request().url())
          return route.fulfill({ status: 200, contentType: "text/html", body: "<p id=app>signed in</p>" })
        })
      )

      const email = uniqueEmail("browser")
      const hostileName = "<img src=x onerror=\"window.__xss=1\">"
      const user = yield* users.create({ email, name: { first_name: hostileName } })

      // The users view lists the user; the hostile name is text, not markup.
      yield* step(() => page.goto(`${server.url}/`))
      const row = page.locator("#users tr", { hasText: email })
      yield* step(() => row.waitFor())
      assert.include(yield* step(() => row.innerText()), hostileName)
      assert.strictEqual(yield* step(() => page.locator("main img").count()), 0)
      yield* step(() => page.locator("input[aria-label='search users']").fill(email))
      yield* step(() => page.locator("#users", { hasText: "1 user" }).waitFor())

      // The outbox: a link sent after the page loaded appears without a reload.
      yield* step(() => page.click("nav a[data-view=outbox]"))
      yield* step(() => page.locator("#outbox").waitFor())
      yield* step(() => page.evaluate(() => Object.assign(window, { __loaded: "once" })))
      yield* magicLinks.email.loginOrCreate({ email })
      const link = page.locator("#outbox tr", { hasText: email }).locator("a.magic-link")
      yield* step(() => link.waitFor({ timeout: 15_000 }))
      assert.strictEqual(yield* step(() => page.evaluate(() => (window as any).__loaded)), "once")

      // Following the link lands on the redirect URL with the token, which the SDK authenticates.
      const href = (yield* step(() => link.getAttribute("href")))!
      yield* step(() => Promise.all([page.waitForURL(`${APP}**`), link.click()]))
      assert.deepStrictEqual(followed, [href])
      const token = new URL(href).searchParams.get("token")!
      assert.strictEqual(href, (yield* emulator.latestMessage({ to: email }))!.url)
      const auth = yield* magicLinks.authenticate({ token, session_duration_minutes: 60 })
      assert.strictEqual(auth.user_id, user.user_id)
      yield* sessions.authenticate({ session_token: auth.session_token })

      // The user's page lists that session; revoking it there is what the SDK sees next.
      yield* step(() => page.goto(`${server.url}/emulator/ui#/users/${encodeURIComponent(user.user_id)}`))
      const session_id = auth.session!.session_id
      const revoke = page.locator(`button[data-session-id="${session_id}"]`)
      yield* step(() => revoke.click())
      yield* step(() => page.getByText(`Session ${session_id} revoked.`).waitFor())
      yield* step(() => revoke.waitFor({ state: "detached" }))
      const error = yield* expectFailure(sessions.authenticate({ session_token: auth.session_token }))
      assert.strictEqual(error._tag, "SessionNotFound")

      // The request log shows the SDK's calls, the failed one with its error_type, and no token.
      yield* step(() => page.click("nav a[data-view=requests]"))
      const failed = page.locator("#requests tr", { hasText: "session_not_found" }).first()
      yield* step(() => failed.waitFor())
      assert.include(yield* step(() => failed.innerText()), "/v1/sessions/authenticate")
      assert.notInclude(yield* step(() => page.locator("#requests").innerText()), auth.session_token)

      // A link to a non-http(s) redirect URL is shown as text, never as a clickable link.
      yield* magicLinks.email.loginOrCreate({ email, login_magic_link_url: "javascript:window.__xss=2//" })
      yield* step(() => page.click("nav a[data-view=outbox]"))
      const scriptLink = page.locator("#outbox tr", { hasText: "javascript:window.__xss=2//" })
      yield* step(() => scriptLink.waitFor())
      assert.strictEqual(yield* step(() => scriptLink.locator("a.magic-link").count()), 0)

      assert.isUndefined(yield* step(() => page.evaluate(() => (window as any).__xss)))
      assert.deepStrictEqual(problems, [])
      const foreign = requested.filter((u) => !u.startsWith(`${server.url}/`) && u !== href)
      assert.deepStrictEqual(foreign, [])
    }).pipe(Effect.scoped, Effect.provide(StytchEmulator.layerStytchServer())))

  it.live("edits settings through the validated control, and shows its refusal", () =>
    Effect.gen(function*() {
      const server = yield* StytchEmulator.EmulatorServer
      const emulator = yield* StytchEmulator.StytchEmulator
      const page: Page = yield* Effect.flatMap(browser, (b) => step(() => b.newPage()))
      yield* step(() => page.goto(`${server.url}/emulator/ui#/settings`))
      const attempts = page.locator("#otpMaxAttempts")
      yield* step(() => page.waitForFunction(() => (document.getElementById("otpMaxAttempts") as any)?.value !== ""))
      yield* step(() => attempts.fill("7"))
      yield* step(() => page.locator("#loginRedirectUrl").fill("http://localhost:4000/callback"))
      yield* step(() => page.click("text=Save settings"))
      yield* step(() => page.getByText("Settings saved.").waitFor())
      const saved = yield* emulator.settings
      assert.strictEqual(saved.otpMaxAttempts, 7)
      assert.strictEqual(saved.loginRedirectUrl, "http://localhost:4000/callback")

      yield* step(() => attempts.fill("0"))
      yield* step(() => page.click("text=Save settings"))
      yield* step(() => page.locator(".message.error", { hasText: "otpMaxAttempts" }).waitFor())
      assert.strictEqual((yield* emulator.settings).otpMaxAttempts, 7)

      // A fault queued from the page is the next API request's answer.
      yield* step(() => page.locator("input[aria-label='fault status']").fill("429"))
      yield* step(() => page.click("text=Queue fault"))
      yield* step(() => page.getByText("Fault queued.").waitFor())
      const users = yield* Users.Users
      const error = yield* expectFailure(users.create({ email: uniqueEmail("fault") }))
      assert.strictEqual(error._tag, "TooManyRequests")
    }).pipe(Effect.scoped, Effect.provide(StytchEmulator.layerStytchServer({ maxRetries: 0 }))))
})
