// The pages of the Better Auth plugins this project has beyond the template's own (the ones src/auth.ts adds
// after organization, jwt and apiKey): each brings its pages and, where it needs one, a way to sign in, a step
// after the password or a link. Written by create-authstack, one entry per plugin.
import type { PagePlugin } from "./page-plugin.ts";

export const PAGE_PLUGINS: PagePlugin[] = [];
