/**
 * The emulator's dashboard: one HTML page, its script and its stylesheet, served same-origin by the controls at `/`
 * and `/emulator/ui` (loopback-guarded like them). No build step and no request beyond the emulator's own
 * `/emulator/v1/...` controls: the script reads the views and writes through the validated controls (settings PATCH,
 * faults, keys/rotate, reset, sessions/revoke) with `content-type: application/json`.
 *
 * Everything shown is put in the page as text (`textContent`), never as HTML: user metadata, names and emails are
 * whatever a client sent. A link is clickable only when it is http(s). The CSP allows scripts, styles and requests
 * from the emulator itself only, and no inline script.
 */

/** The headers every page asset is served with. */
export const headers: Readonly<Record<string, string>> = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store"
}

export interface Asset {
  readonly contentType: string
  readonly body: string
}

export const html: Asset = {
  contentType: "text/html; charset=utf-8",
  body: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stytch emulator</title>
<link rel="stylesheet" href="/emulator/ui/app.css">
<script src="/emulator/ui/app.js" defer></script>
</head>
<body>
<header>
<h1>Stytch emulator</h1>
<nav id="nav">
<a href="#/users" data-view="users">Users <span class="count" data-count="users"></span></a>
<a href="#/outbox" data-view="outbox">Outbox <span class="count" data-count="outbox"></span></a>
<a href="#/clients" data-view="clients">Clients</a>
<a href="#/fraud" data-view="fraud">Fraud</a>
<a href="#/settings" data-view="settings">Settings</a>
<a href="#/requests" data-view="requests">Requests</a>
</nav>
<span id="live" title="polling the emulator">live</span>
</header>
<main id="main"></main>
</body>
</html>
`
}

export const style: Asset = {
  contentType: "text/css; charset=utf-8",
  body: `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2430; background: #f5f6f8; }
header { display: flex; align-items: center; gap: 24px; padding: 10px 20px; background: #19303d; color: #fff; }
header h1 { font-size: 16px; margin: 0; font-weight: 600; }
nav { display: flex; gap: 4px; flex: 1; }
nav a { color: #cfe0ea; text-decoration: none; padding: 6px 10px; border-radius: 4px; }
nav a.active, nav a:hover { background: #2d4b5c; color: #fff; }
.count { font-size: 11px; background: #3e6a80; border-radius: 8px; padding: 0 6px; margin-left: 2px; }
.count:empty { display: none; }
#live { font-size: 12px; color: #8fd19e; }
#live.down { color: #f29b9b; }
main { padding: 16px 20px; max-width: 1400px; }
h2 { font-size: 18px; margin: 8px 0 12px; }
h3 { font-size: 15px; margin: 20px 0 8px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #dde1e6; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #eceef1; vertical-align: top; }
th { background: #f0f2f5; font-weight: 600; font-size: 12px; text-transform: uppercase; color: #55606e; }
td.mono, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; word-break: break-all; }
.empty { color: #6b7685; font-style: italic; padding: 12px; background: #fff; border: 1px solid #dde1e6; }
.toolbar { display: flex; gap: 8px; margin-bottom: 12px; align-items: center; flex-wrap: wrap; }
input, select, button { font: inherit; padding: 5px 8px; border: 1px solid #c3c9d1; border-radius: 4px; background: #fff; }
.toolbar input[type=search] { width: 320px; }
.toolbar input { width: 180px; }
.toolbar input[type=number] { width: 90px; }
.toolbar input[type=checkbox], form.settings input[type=checkbox] { width: auto; justify-self: start; }
button { cursor: pointer; background: #e9eef3; }
button.primary { background: #1f6feb; color: #fff; border-color: #1f6feb; }
button.danger { background: #c93c37; color: #fff; border-color: #c93c37; }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #e6ebf0; margin: 0 4px 2px 0; }
.badge.ok { background: #d6f2dc; color: #1b6b32; }
.badge.warn { background: #fbeacc; color: #7a4b00; }
.code { font-family: ui-monospace, monospace; font-size: 18px; letter-spacing: 2px; font-weight: 600; }
pre { background: #fff; border: 1px solid #dde1e6; padding: 8px; margin: 0; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
.grid { display: grid; grid-template-columns: 180px 1fr; gap: 4px 12px; background: #fff; border: 1px solid #dde1e6; padding: 10px; }
.grid dt { color: #55606e; }
.grid dd { margin: 0; }
form.settings { display: grid; grid-template-columns: 240px 360px; gap: 6px 12px; align-items: center; }
.message { margin: 8px 0; padding: 6px 10px; border-radius: 4px; }
.message.error { background: #fde2e1; color: #8a1f1b; }
.message.ok { background: #d6f2dc; color: #1b6b32; }
.status-2 { color: #1b6b32; }
.status-4, .status-5 { color: #b42318; font-weight: 600; }
`
}

// The script: plain ES2020, no template literals (this file's own literal holds it).
export const script: Asset = {
  contentType: "text/javascript; charset=utf-8",
  body: String.raw`"use strict";
(function () {
  var main = document.getElementById("main");
  var current = null;
  var lastSummary = "";

  // Elements are built from text only: a child string becomes a text node, never HTML.
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        if (k === "class") el.className = v;
        else if (k === "text") el.textContent = String(v);
        else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function safeHref(url) {
    try {
      var u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
    } catch (e) { return undefined; }
  }
  function table(columns, rows, empty) {
    if (rows.length === 0) return h("div", { class: "empty", text: empty });
    return h("table", null,
      h("thead", null, h("tr", null, columns.map(function (c) { return h("th", { text: c[0] }); }))),
      h("tbody", null, rows.map(function (r) {
        return h("tr", null, columns.map(function (c) { return h("td", { class: c[2] }, c[1](r)); }));
      })));
  }
  function json(value) { return h("pre", { text: JSON.stringify(value, null, 2) }); }
  function badge(text, kind) { return h("span", { class: "badge" + (kind ? " " + kind : ""), text: text }); }
  function message(el, ok, text) { clear(el); append(el, h("div", { class: "message " + (ok ? "ok" : "error"), text: text })); }

  function api(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch("/emulator/v1" + path, init).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data && data.error ? data.error : "HTTP " + r.status);
        return data;
      });
    });
  }

  function userLink(id) { return h("a", { href: "#/users/" + encodeURIComponent(id), class: "mono", text: id }); }
  function fullName(u) {
    if (!u.name) return "";
    return [u.name.first_name, u.name.middle_name, u.name.last_name].filter(Boolean).join(" ");
  }
  function factors(u) {
    var out = [];
    if (u.password) out.push(badge("password" + (u.password.requires_reset ? " (reset)" : "")));
    u.totps.forEach(function (t) { out.push(badge("totp", t.verified ? "ok" : "warn")); });
    u.webauthn_registrations.forEach(function (w) { out.push(badge("webauthn", w.verified ? "ok" : "warn")); });
    u.providers.forEach(function (p) { out.push(badge("oauth:" + p.provider_type)); });
    u.crypto_wallets.forEach(function (w) { out.push(badge(w.crypto_wallet_type, w.verified ? "ok" : "warn")); });
    u.biometric_registrations.forEach(function (b) { out.push(badge("biometric", b.verified ? "ok" : "warn")); });
    return out;
  }
  function verified(list, key) {
    return list.map(function (x) { return h("div", null, x[key], " ", x.verified ? badge("verified", "ok") : badge("unverified", "warn")); });
  }

  // Each view: mount() builds its controls once; refresh() reloads its data (also on every live change).
  var views = {
    users: function () {
      var q = h("input", { type: "search", placeholder: "Search email, phone, id or name", "aria-label": "search users" });
      var status = h("select", { "aria-label": "status" }, h("option", { value: "", text: "any status" }),
        h("option", { value: "active", text: "active" }), h("option", { value: "pending", text: "pending" }));
      var results = h("div", { id: "users" });
      function refresh() {
        var params = new URLSearchParams();
        if (q.value) params.set("q", q.value);
        if (status.value) params.set("status", status.value);
        return api("GET", "/users?" + params).then(function (data) {
          clear(results);
          append(results, h("p", { text: data.total + " user" + (data.total === 1 ? "" : "s") }));
          append(results, table([
            ["User", function (u) { return [userLink(u.user_id), h("div", { text: fullName(u) })]; }],
            ["Emails", function (u) { return verified(u.emails, "email"); }],
            ["Phone numbers", function (u) { return verified(u.phone_numbers, "phone_number"); }],
            ["Status", function (u) { return badge(u.status, u.status === "active" ? "ok" : "warn"); }],
            ["Factors", factors],
            ["Sessions", function (u) { return String(u.active_sessions); }],
            ["Metadata", function (u) {
              var keys = Object.keys(u.trusted_metadata).concat(Object.keys(u.untrusted_metadata));
              return keys.length ? h("span", { class: "mono", text: keys.join(", ") }) : "";
            }],
            ["Created", function (u) { return u.created_at; }]
          ], data.users, "No users."));
        });
      }
      q.addEventListener("input", refresh);
      status.addEventListener("change", refresh);
      return { root: [h("h2", { text: "Users" }), h("div", { class: "toolbar" }, q, status), results], refresh: refresh };
    },

    user: function (id) {
      var results = h("div", { id: "user" });
      var note = h("div");
      function revoke(sessionId) {
        api("POST", "/sessions/revoke", { session_id: sessionId })
          .then(function () { message(note, true, "Session " + sessionId + " revoked."); return refresh(); })
          .catch(function (e) { message(note, false, e.message); });
      }
      function refresh() {
        return api("GET", "/users/" + encodeURIComponent(id)).then(function (data) {
          var u = data.user;
          clear(results);
          append(results, [
            h("dl", { class: "grid" },
              h("dt", { text: "user_id" }), h("dd", { class: "mono", text: u.user_id }),
              h("dt", { text: "name" }), h("dd", { text: fullName(u) }),
              h("dt", { text: "status" }), h("dd", null, badge(u.status, u.status === "active" ? "ok" : "warn")),
              h("dt", { text: "created_at" }), h("dd", { text: u.created_at }),
              h("dt", { text: "external_id" }), h("dd", { class: "mono", text: u.external_id || "" }),
              h("dt", { text: "emails" }), h("dd", null, verified(u.emails, "email")),
              h("dt", { text: "phone numbers" }), h("dd", null, verified(u.phone_numbers, "phone_number")),
              h("dt", { text: "factors" }), h("dd", null, factors(u)),
              h("dt", { text: "roles" }), h("dd", { text: u.roles.join(", ") })),
            h("h3", { text: "Sessions" }),
            table([
              ["Session", function (s) { return h("span", { class: "mono", text: s.session_id }); }],
              ["Factors", function (s) {
                return s.authentication_factors.map(function (f) { return badge(f.type + " / " + f.delivery_method); });
              }],
              ["Started", function (s) { return s.started_at; }],
              ["Last accessed", function (s) { return s.last_accessed_at; }],
              ["Expires", function (s) { return s.expires_at; }],
              ["", function (s) {
                return h("button", { class: "danger", "data-session-id": s.session_id, text: "Revoke",
                  onclick: function () { revoke(s.session_id); } });
              }]
            ], data.sessions, "No active sessions."),
            h("h3", { text: "Trusted metadata" }), json(u.trusted_metadata),
            h("h3", { text: "Untrusted metadata" }), json(u.untrusted_metadata),
            h("h3", { text: "As users.get answers it" }), json(u)
          ]);
        }).catch(function (e) { clear(results); message(results, false, e.message); });
      }
      return { root: [h("h2", null, h("a", { href: "#/users", text: "Users" }), " / ", id), note, results], refresh: refresh };
    },

    outbox: function () {
      var results = h("div", { id: "outbox" });
      function refresh() {
        return api("GET", "/outbox").then(function (data) {
          clear(results);
          append(results, table([
            ["Sent", function (m) { return m.sent_at; }],
            ["Kind", function (m) { return [badge(m.kind), badge(m.channel)]; }],
            ["To", function (m) { return [h("div", { text: m.to }), userLink(m.user_id)]; }],
            ["Content", function (m) {
              var out = [];
              if (m.code !== undefined) out.push(h("div", { class: "code", "data-code": m.code, text: m.code }));
              if (m.url !== undefined) {
                var href = safeHref(m.url);
                out.push(href ? h("a", { class: "mono magic-link", href: href, text: m.url }) : h("span", { class: "mono", text: m.url }));
              }
              if (m.token !== undefined) out.push(h("div", { class: "mono", text: "token: " + m.token }));
              if (m.method_id !== undefined) out.push(h("div", { class: "mono", text: "method_id: " + m.method_id }));
              return out;
            }]
          ], data.messages.slice().reverse(), "Nothing sent yet."));
        });
      }
      return { root: [h("h2", { text: "Outbox (newest first)" }), results], refresh: refresh };
    },

    clients: function () {
      var results = h("div");
      function refresh() {
        return Promise.all([api("GET", "/m2m/clients"), api("GET", "/connected-apps/clients")]).then(function (r) {
          clear(results);
          append(results, [
            h("h3", { text: "M2M clients" }),
            table([
              ["Client", function (c) { return [h("div", { text: c.client_name }), h("div", { class: "mono", text: c.client_id })]; }],
              ["Status", function (c) { return badge(c.status, c.status === "active" ? "ok" : "warn"); }],
              ["Scopes", function (c) { return c.scopes.map(function (s) { return badge(s); }); }],
              ["Secret", function (c) {
                return "..." + c.client_secret_last_four + (c.next_client_secret_last_four ? " (rotating to ..." + c.next_client_secret_last_four + ")" : "");
              }, "mono"],
              ["Created", function (c) { return c.created_at; }]
            ], r[0].clients, "No M2M clients."),
            h("h3", { text: "Connected Apps clients" }),
            table([
              ["Client", function (c) { return [h("div", { text: c.client_name }), h("div", { class: "mono", text: c.client_id })]; }],
              ["Type", function (c) { return badge(c.client_type); }],
              ["Redirect URLs", function (c) { return c.redirect_urls.map(function (u) { return h("div", { class: "mono", text: u }); }); }],
              ["Secret", function (c) { return c.client_secret_last_four ? "..." + c.client_secret_last_four : "(public)"; }, "mono"],
              ["Created", function (c) { return c.created_at; }]
            ], r[1].clients, "No Connected Apps clients.")
          ]);
        });
      }
      return { root: [h("h2", { text: "Clients" }), results], refresh: refresh };
    },

    fraud: function () {
      var results = h("div");
      function refresh() {
        return Promise.all([api("GET", "/fraud/rules"), api("GET", "/telemetry")]).then(function (r) {
          clear(results);
          append(results, [
            h("h3", { text: "Rules" }),
            table([
              ["Type", function (x) { return x.rule_type; }],
              ["Identifier", function (x) { return x.identifier; }, "mono"],
              ["Action", function (x) { return badge(x.action, x.action === "ALLOW" ? "ok" : "warn"); }],
              ["Description", function (x) { return x.description || ""; }],
              ["Expires", function (x) { return x.expires_at || "never"; }]
            ], r[0].rules, "No rules."),
            h("h3", { text: "Seeded telemetry" }),
            table([
              ["Telemetry", function (t) { return t.telemetry_id; }, "mono"],
              ["Visitor", function (t) { return t.fingerprints.visitor_id; }, "mono"],
              ["IP / ASN", function (t) { return [h("div", { text: t.ip_address }), h("div", { text: t.asn.asn + " " + t.asn.name })]; }],
              ["Location", function (t) { return [t.ip_geolocation.city, t.ip_geolocation.region, t.ip_geolocation.country].filter(Boolean).join(", "); }],
              ["Device", function (t) { return [h("div", { text: t.detected_device_type }), h("div", { class: "mono", text: t.user_agent })]; }],
              ["Reasons", function (t) { return t.verdict_reasons.map(function (v) { return badge(v, "warn"); }); }],
              ["Expires", function (t) { return t.expires_at; }]
            ], r[1].telemetry, "No telemetry seeded.")
          ]);
        });
      }
      return { root: [h("h2", { text: "Fraud and risk" }), results], refresh: refresh };
    },

    settings: function () {
      var note = h("div");
      var form = h("form", { class: "settings", id: "settings-form" });
      var faultsList = h("div");
      var fields = [
        ["passwordPolicy.policy", "select", ["zxcvbn", "luds"]],
        ["passwordPolicy.ludsMinLength", "number"],
        ["passwordPolicy.ludsMinCharTypes", "number"],
        ["passwordPolicy.checkBreached", "checkbox"],
        ["otpMaxAttempts", "number"],
        ["loginRedirectUrl", "text"],
        ["signupRedirectUrl", "text"],
        ["inviteRedirectUrl", "text"],
        ["resetPasswordRedirectUrl", "text"],
        ["userinfoUrl", "text"],
        ["projectName", "text"]
      ];
      var inputs = {};
      fields.forEach(function (f) {
        var input = f[1] === "select"
          ? h("select", { name: f[0] }, f[2].map(function (o) { return h("option", { value: o, text: o }); }))
          : h("input", { name: f[0], type: f[1] });
        inputs[f[0]] = input;
        append(form, [h("label", { for: f[0], text: f[0] }), input]);
        input.id = f[0];
      });
      append(form, [h("span"), h("button", { class: "primary", type: "submit", text: "Save settings" })]);
      function get(obj, path) { return path.split(".").reduce(function (o, k) { return o === undefined ? undefined : o[k]; }, obj); }
      function load() {
        return api("GET", "/settings").then(function (s) {
          fields.forEach(function (f) {
            var v = get(s, f[0]);
            if (f[1] === "checkbox") inputs[f[0]].checked = v === true;
            else inputs[f[0]].value = v === undefined ? "" : String(v);
          });
        });
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var patch = { passwordPolicy: {} };
        fields.forEach(function (f) {
          var input = inputs[f[0]];
          var v = f[1] === "checkbox" ? input.checked : f[1] === "number" ? Number(input.value) : input.value;
          if (f[0] === "userinfoUrl" && v === "") v = null;
          if (f[0].indexOf("passwordPolicy.") === 0) patch.passwordPolicy[f[0].slice(15)] = v;
          else patch[f[0]] = v;
        });
        api("PATCH", "/settings", patch).then(function () { message(note, true, "Settings saved."); return load(); })
          .catch(function (e) { message(note, false, e.message); });
      });

      var fStatus = h("input", { type: "number", placeholder: "status", "aria-label": "fault status", value: "503" });
      var fType = h("input", { placeholder: "error_type (optional)", "aria-label": "fault error_type" });
      var fPrefix = h("input", { placeholder: "path prefix (optional)", "aria-label": "fault path prefix" });
      var fCount = h("input", { type: "number", "aria-label": "fault count", title: "count", value: "1", min: "1" });
      function queueFault() {
        var fault = { status: Number(fStatus.value), count: Number(fCount.value) };
        if (fType.value) fault.error_type = fType.value;
        if (fPrefix.value) fault.pathPrefix = fPrefix.value;
        api("POST", "/faults", fault).then(function () { message(note, true, "Fault queued."); return loadFaults(); })
          .catch(function (e) { message(note, false, e.message); });
      }
      function loadFaults() {
        return api("GET", "/faults").then(function (data) {
          clear(faultsList);
          append(faultsList, table([
            ["#", function (f) { return String(data.faults.indexOf(f) + 1); }],
            ["Status", function (f) { return f.status === undefined ? "" : String(f.status); }],
            ["error_type", function (f) { return f.error_type || ""; }],
            ["Path prefix", function (f) { return f.pathPrefix || "any"; }, "mono"],
            ["Delay ms", function (f) { return f.delayMillis === undefined ? "" : String(f.delayMillis); }]
          ], data.faults, "No faults queued."));
        });
      }
      var keepSettings = h("input", { type: "checkbox", id: "keep-settings" });
      var kid = h("span", { class: "mono" });
      return {
        root: [
          h("h2", { text: "Settings" }), note, form,
          h("h3", { text: "Fault injection" }),
          h("div", { class: "toolbar" }, fStatus, fType, fPrefix, fCount,
            h("button", { text: "Queue fault", onclick: queueFault })),
          faultsList,
          h("h3", { text: "Signing keys" }),
          h("div", { class: "toolbar" }, h("button", { text: "Rotate keys", onclick: function () {
            api("POST", "/keys/rotate", {}).then(function (r) { kid.textContent = "new kid: " + r.kid; })
              .catch(function (e) { message(note, false, e.message); });
          } }), kid),
          h("h3", { text: "Reset" }),
          h("div", { class: "toolbar" }, h("label", null, keepSettings, " keep settings"),
            h("button", { class: "danger", text: "Reset emulator", onclick: function () {
              api("POST", "/reset", { keepSettings: keepSettings.checked })
                .then(function () { message(note, true, "Emulator reset."); return load(); })
                .catch(function (e) { message(note, false, e.message); });
            } }))
        ],
        refresh: loadFaults,
        load: load
      };
    },

    requests: function () {
      var results = h("div", { id: "requests" });
      function refresh() {
        return api("GET", "/requests").then(function (data) {
          clear(results);
          append(results, table([
            ["At", function (r) { return r.at; }],
            ["Method", function (r) { return r.method; }],
            ["Path", function (r) { return r.path; }, "mono"],
            ["Status", function (r) { return h("span", { class: "status-" + String(r.status)[0], text: String(r.status) }); }],
            ["error_type", function (r) { return r.error_type || ""; }, "mono"],
            ["ms", function (r) { return String(r.duration_ms); }]
          ], data.requests, "No API requests yet."));
        });
      }
      return { root: [h("h2", { text: "Requests (newest first)" }), results], refresh: refresh };
    }
  };

  function route() {
    var hash = location.hash.replace(/^#\/?/, "");
    var parts = hash.split("/");
    var name = parts[0] || "users";
    var view;
    if (name === "users" && parts.length > 1) {
      var id;
      try { id = decodeURIComponent(parts.slice(1).join("/")); } catch (e) { id = ""; }
      view = views.user(id);
    } else view = (views[name] || views.users)();
    document.querySelectorAll("#nav a").forEach(function (a) {
      a.classList.toggle("active", a.getAttribute("data-view") === (views[name] ? name : "users"));
    });
    current = view;
    clear(main);
    append(main, view.root);
    if (view.load) view.load().catch(function () {});
    refreshCurrent();
  }
  function refreshCurrent() {
    var view = current;
    if (view) view.refresh().catch(function (e) { if (view === current) console.error(e); });
  }

  // Live updates: poll the summary; when anything changed, reload the current view's data.
  function poll() {
    api("GET", "/summary").then(function (s) {
      document.getElementById("live").className = "";
      document.querySelectorAll("[data-count]").forEach(function (el) {
        el.textContent = String(s[el.getAttribute("data-count")]);
      });
      var text = JSON.stringify(s);
      if (text !== lastSummary) {
        var first = lastSummary === "";
        lastSummary = text;
        if (!first) refreshCurrent();
      }
    }).catch(function () { document.getElementById("live").className = "down"; })
      .then(function () { setTimeout(poll, 700); });
  }

  window.addEventListener("hashchange", route);
  route();
  poll();
})();
`
}
