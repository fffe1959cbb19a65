import type { DBAdapter, DBTransactionAdapter } from "@better-auth/core/db/adapter";
import type { BetterAuthOptions } from "better-auth";

type AdapterFactory = (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>;

/**
 * Better Auth writes some things in several rows inside one "transaction" (a sign-up: the user, then the
 * account), and its transactions span awaits: a sign-up hashes the password inside one. bun:sqlite's
 * transactions are synchronous and D1 has none, so a real one cannot hold. Instead every row created in
 * it is deleted again, newest first, when a later step fails: no user is left who can neither sign in nor
 * sign up again. (Other requests may see those rows for the milliseconds in between.)
 */
export function undoOnFailure(adapter: AdapterFactory): AdapterFactory {
  return (options) => {
    const { transaction: _sequential, ...inner } = adapter(options);
    return {
      ...inner,
      transaction: async <R>(callback: (trx: DBTransactionAdapter<BetterAuthOptions>) => Promise<R>): Promise<R> => {
        const created: { model: string; id: string }[] = [];
        const tracked: DBTransactionAdapter<BetterAuthOptions> = {
          ...inner,
          create: async <T extends Record<string, unknown>, R = T>(data: Parameters<typeof inner.create<T, R>>[0]) => {
            const row = await inner.create<T, R>(data);
            created.push({ model: data.model, id: String((row as { id?: unknown }).id) });
            return row;
          },
        };
        try {
          return await callback(tracked);
        } catch (error) {
          for (const row of created.reverse()) {
            await inner.delete({ model: row.model, where: [{ field: "id", value: row.id }] }).catch((undo: unknown) => {
              console.error(`Could not undo the ${row.model} row ${row.id} of a failed write:`, undo);
            });
          }
          throw error;
        }
      },
    };
  };
}
