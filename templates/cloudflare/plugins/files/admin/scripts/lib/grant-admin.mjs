// The one statement `npm run auth:admin` runs. wrangler's --command takes no parameters, so the address
// goes into the SQL itself: only a plain address (no quotes, spaces, backslashes or semicolons) does.

/**
 * @param {string} email as typed; Better Auth keeps addresses in lower case
 * @param {number} [now] updated_at, in milliseconds like every timestamp of this schema
 * @returns {string | undefined} undefined for an address that is not a plain one
 */
export function grantAdminSql(email, now = Date.now()) {
  const address = email.trim().toLowerCase();
  if (!/^[^\s'"\\;@]+@[^\s'"\\;@]+$/.test(address)) return undefined;
  return `UPDATE user SET role = 'admin', updated_at = ${Math.trunc(now)} WHERE email = '${address}' RETURNING id`;
}
