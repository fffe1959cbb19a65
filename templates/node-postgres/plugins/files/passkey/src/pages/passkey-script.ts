// The one script the pages run: WebAuthn has no form to post, so adding a passkey and signing in with one
// call the browser's navigator.credentials and then Better Auth's passkey endpoints. It uses the browser's
// own JSON converters for WebAuthn options and credentials. Served by the app itself at PASSKEY_SCRIPT, so
// the Content-Security-Policy ('self') allows it and nothing loads from elsewhere.
export const PASSKEY_SCRIPT = "/assets/passkey.js";

export const PASSKEY_SCRIPT_SOURCE = `"use strict";
(() => {
  const status = document.getElementById("passkey-status");
  const say = (message) => { if (status) status.textContent = message; };
  const json = async (response) => {
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error((body && (body.message || body.error)) || "The server answered " + response.status + ".");
    return body;
  };
  const post = (path, body) =>
    fetch(path, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(json);
  const supported = typeof PublicKeyCredential !== "undefined" && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function";

  async function add() {
    const options = await fetch("/api/auth/passkey/generate-register-options", { credentials: "same-origin" }).then(json);
    const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
    await post("/api/auth/passkey/verify-registration", { response: credential.toJSON() });
    location.assign(location.pathname + "?notice=added");
  }

  async function signIn(next) {
    const options = await fetch("/api/auth/passkey/generate-authenticate-options", { credentials: "same-origin" }).then(json);
    const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
    await post("/api/auth/passkey/verify-authentication", { response: credential.toJSON() });
    location.assign(next);
  }

  for (const button of document.querySelectorAll("button[data-passkey]")) {
    if (!supported) { button.disabled = true; say("This browser cannot use passkeys."); continue; }
    button.addEventListener("click", async () => {
      button.disabled = true;
      say("Waiting for your passkey…");
      try {
        if (button.dataset.passkey === "add") await add();
        else await signIn(button.dataset.next || "/");
      } catch (error) {
        // A closed prompt is a NotAllowedError: nothing happened, so say that plainly.
        say(error && error.name === "NotAllowedError" ? "No passkey was used." : String((error && error.message) || error));
        button.disabled = false;
      }
    });
  }
})();
`;
