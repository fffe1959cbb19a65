import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import type { FormStatus } from "./api.ts";
import type { PageContext } from "./env.ts";
import { currentSession } from "./forms.ts";
import { PAGE_PLUGINS } from "./plugins.ts";
import { STYLES } from "./styles.ts";

type Nav = "home" | "projects" | "api-keys" | "dev-mail" | undefined;

type PageProps = {
  title: string;
  /** Highlights this page in the navigation. */
  current?: Nav;
  /** Signed in: the navigation offers "Sign out". */
  signedIn?: boolean;
  status?: 200 | 201 | FormStatus | 500;
};

function Layout(props: PageProps & { devMail: boolean; pluginNav: Child[]; banners: Child[]; children: Child }) {
  const link = (href: string, id: Nav, text: string) => (
    <a href={href} aria-current={props.current === id ? "page" : undefined}>
      {text}
    </a>
  );
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · authstack`}</title>
        {/* JSX would escape the CSS; it is our own constant. */}
        <style>{raw(STYLES)}</style>
      </head>
      <body>
        <header>
          <nav aria-label="Main">
            {link("/", "home", "Home")}
            {link("/projects", "projects", "Projects")}
            {link("/api-keys", "api-keys", "API keys")}
            {props.devMail && link("/dev/mail", "dev-mail", "Dev mailbox")}
            {props.pluginNav}
            {props.signedIn && (
              <form method="post" action="/sign-out">
                <button type="submit" class="secondary">
                  Sign out
                </button>
              </form>
            )}
          </nav>
        </header>
        {props.banners}
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A whole HTML page in the layout. Hono's JSX writes no doctype: without it browsers use quirks mode. */
export async function renderPage(c: PageContext, props: PageProps, content: Child): Promise<Response> {
  const devMail = !c.var.runtime.isProduction(c);
  // The plugins' links and banners depend on who is signed in; without such plugins no session is read here.
  const session = props.signedIn && PAGE_PLUGINS.some((p) => p.nav || p.banner) ? await currentSession(c) : null;
  const pluginNav = session ? PAGE_PLUGINS.map((plugin) => plugin.nav?.(session)) : [];
  const banners = session ? PAGE_PLUGINS.map((plugin) => plugin.banner?.(session)) : [];
  const page = await (
    <Layout {...props} devMail={devMail} pluginNav={pluginNav} banners={banners}>
      {content}
    </Layout>
  ).toString();
  return c.html(`<!doctype html>\n${page}`, props.status ?? 200);
}
