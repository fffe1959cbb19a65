import { symmetricDecrypt } from "better-auth/crypto";
import type { JwtOptions } from "better-auth/plugins/jwt";

/**
 * The jwt plugin's keys are stored encrypted with the secret. After BETTER_AUTH_SECRET was replaced
 * outright (not rotated with BETTER_AUTH_SECRETS), the old keys no longer open, and the plugin would
 * answer every /api/auth/token with a 500. Only the keys that the secrets in use can open are offered:
 * with none left, the plugin makes a new one. (Tokens signed with an unreadable key stop verifying,
 * as they must: their key is no longer published either.)
 */
export const readableJwtKeys: NonNullable<JwtOptions["adapter"]> = {
  getJwks: async (ctx) => {
    const keys = await ctx.context.adapter.findMany<{ privateKey: string; createdAt: Date }>({ model: "jwks" });
    const opens = await Promise.all(
      keys.map((key) => symmetricDecrypt({ key: ctx.context.secretConfig, data: JSON.parse(key.privateKey) }).then(() => true, () => false)),
    );
    return keys.filter((_, index) => opens[index]) as Awaited<ReturnType<NonNullable<NonNullable<JwtOptions["adapter"]>["getJwks"]>>>;
  },
};
