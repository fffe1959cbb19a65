/** A misconfiguration the user can fix; entry points print its message without a stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
