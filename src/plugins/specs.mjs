// The Better Auth plugins a project can be created with (--plugins), in the one order they take in src/auth.ts's
// `plugins: [...]`: after the template's own (organization, jwt, api-key). The order is fixed because the Better
// Auth CLI writes the tables in the order of the plugins, so each set has exactly one schema.

/**
 * @typedef {{ from: string, name: string }} Import
 * @typedef {{ imports: Import[], entry: string }} PageSpec
 * @typedef {{ id: string, imports: Import[], entry: string, comment: string, pages: PageSpec }} PluginSpec
 */

/** @type {readonly PluginSpec[]} */
export const PLUGINS = [
  {
    id: "two-factor",
    imports: [{ from: "better-auth/plugins/two-factor", name: "twoFactor" }],
    // The issuer is the name authenticator apps list the account under.
    entry: 'twoFactor({ issuer: "authstack-app" })',
    comment: "A second step at sign-in: a code from an authenticator app (TOTP), or a backup code.",
    pages: { imports: [{ from: "./two-factor.tsx", name: "twoFactorPages" }], entry: "twoFactorPages" },
  },
  {
    id: "passkey",
    imports: [{ from: "@better-auth/passkey", name: "passkey" }],
    entry: 'passkey({ rpName: "authstack-app" })',
    comment: "Passkeys (WebAuthn), bound to the host name of the app's URL (the relying party).",
    pages: { imports: [{ from: "./passkeys.tsx", name: "passkeyPages" }], entry: "passkeyPages" },
  },
  {
    id: "magic-link",
    imports: [
      { from: "better-auth/plugins/magic-link", name: "magicLink" },
      { from: "./mail/magic-link.ts", name: "magicLinkMailer" },
    ],
    entry: "magicLink({ sendMagicLink: magicLinkMailer(mail) })",
    comment: "Sign-in by a link sent to the address; the link works once, for five minutes.",
    pages: { imports: [{ from: "./magic-link.tsx", name: "magicLinkPages" }], entry: "magicLinkPages" },
  },
  {
    id: "admin",
    imports: [{ from: "better-auth/plugins/admin", name: "admin" }],
    entry: "admin()",
    comment: 'Users whose role is "admin" list, ban and impersonate users (`npm run auth:admin -- <email>` grants it).',
    pages: { imports: [{ from: "./admin.tsx", name: "adminPages" }], entry: "adminPages" },
  },
];

export const PLUGIN_IDS = PLUGINS.map((plugin) => plugin.id);

/** Every set of plugins, each in the fixed order: the empty set first. */
export function pluginSets() {
  const sets = [[]];
  for (const id of PLUGIN_IDS) for (const set of [...sets]) sets.push([...set, id]);
  return sets.map((set) => PLUGIN_IDS.filter((id) => set.includes(id)));
}

/** The folder name of a set under a template's plugins/sets/: "two-factor+admin". */
export const setKey = (ids) => ids.join("+");
