import { expect } from "bun:test";
import { Client } from "./client";

let counter = 0;

/** Signs up a new user in a new client (its own cookie jar) and returns both. */
export async function signUp(baseURL: string, name = `User ${++counter}`) {
  const client = new Client(baseURL);
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = `pw-${crypto.randomUUID()}`;
  const response = await client.post("/api/auth/sign-up/email", { name, email, password });
  expect(response.status).toBe(200);
  return { client, user: response.body.user as { id: string; email: string; name: string }, email, password };
}

/** Creates an organization as this client and makes it the session's active one. */
export async function createActiveOrganization(client: Client, name: string) {
  const slug = `${name.toLowerCase().replace(/\W+/g, "-")}-${crypto.randomUUID().slice(0, 8)}`;
  const created = await client.post("/api/auth/organization/create", { name, slug });
  expect(created.status).toBe(200);
  const organization = created.body as { id: string; name: string; slug: string };
  const active = await client.post("/api/auth/organization/set-active", { organizationId: organization.id });
  expect(active.status).toBe(200);
  return organization;
}

/** A signed-up user whose session has an active organization of their own. */
export async function tenant(baseURL: string, name: string) {
  const account = await signUp(baseURL, name);
  const organization = await createActiveOrganization(account.client, `${name} Org`);
  return { ...account, organization };
}
