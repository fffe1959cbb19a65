// The app's pages: server-rendered HTML forms over the app's own JSON API, no client-side JavaScript.
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { accountPages } from "./account.tsx";
import { apiKeyPages } from "./api-keys.tsx";
import { devMailPages } from "./dev-mail.tsx";
import type { ApiApp, PageEnv, PageRuntime } from "./env.ts";
import { homePages } from "./home.tsx";
import { invitationPages } from "./invitation.tsx";
import { renderPage } from "./layout.tsx";
import { PAGE_PLUGINS } from "./plugins.ts";
import { projectPages } from "./projects.tsx";
import { sameOriginForms } from "./same-origin.tsx";

/**
 * The pages, mounted at "/" of `app`. Their middleware leaves /api/* alone: mounted at the root,
 * it would otherwise run for the JSON API too.
 */
export function createPages(app: ApiApp, runtime: PageRuntime) {
  const pagesOnly = (middleware: ReturnType<typeof createMiddleware<PageEnv>>) =>
    createMiddleware<PageEnv>((c, next) => (c.req.path.startsWith("/api/") ? next() : middleware(c, next)));

  const context = createMiddleware<PageEnv>(async (c, next) => {
    c.set("runtime", runtime);
    c.set("api", app);
    c.set("auth", runtime.auth(c));
    // Every page is about one person's account: never keep it in a shared or back-forward cache. Set before the
    // page is made, it is part of the response from the start (set after, Hono would copy the response).
    c.header("cache-control", "no-store");
    await next();
  });

  const pages = new Hono<PageEnv>()
    .use(pagesOnly(context))
    .use(pagesOnly(sameOriginForms))
    .route("/", homePages)
    .route("/", accountPages)
    .route("/", invitationPages)
    .route("/", projectPages)
    .route("/", apiKeyPages)
    .route("/", devMailPages);
  // The pages of the plugins chosen at creation (src/pages/plugins.ts).
  for (const plugin of PAGE_PLUGINS) pages.route("/", plugin.pages);
  // Last: a person who mistypes a page's address gets a page, an API client still gets JSON.
  return pages
    .get("*", (c, next) => {
      if (c.req.path.startsWith("/api/")) return next();
      return renderPage(
        c,
        { title: "Page not found", status: 404 },
        <p>
          There is no page at this address. <a href="/">Go to the home page</a>.
        </p>,
      );
    })
    .onError((error, c) => {
      console.error(error);
      return renderPage(
        c,
        { title: "Something went wrong", status: 500 },
        <p>
          The server failed to answer this page; the details are in its log. <a href="/">Back to the app</a>.
        </p>,
      );
    });
}
