import { randomBytes } from "node:crypto";

/** 32 bytes from node:crypto's CSPRNG as base64url, for BETTER_AUTH_SECRET. */
export const randomSecret = (): string => randomBytes(32).toString("base64url");

/** A short random name part, for the staging folder beside the target. */
export const randomSuffix = (): string => randomBytes(4).toString("hex");
