// The development mailbox as a page: every mail the app "sent", newest first, links clickable.
import { Hono } from "hono";
import { devOnly } from "../http/dev-only.ts";
import { listMail } from "../mail/mailbox.ts";
import type { PageEnv } from "./env.ts";
import { renderPage } from "./layout.tsx";

export const devMailPages = new Hono<PageEnv>().get("/dev/mail", devOnly, (c) => {
  const messages = listMail();
  return renderPage(
    c,
    { title: "Dev mailbox", current: "dev-mail" },
    <>
      <p class="muted">
        Outside production mail is not sent: it lands here (the last 50, in memory, gone on restart) and as JSON at{" "}
        <a href="/api/dev/mail">/api/dev/mail</a>.
      </p>
      {messages.length === 0 && <p>No mail yet. Sign up, ask for a password reset or invite someone.</p>}
      {messages.map((message) => (
        <article aria-labelledby={`mail-${message.id}`}>
          <h2 id={`mail-${message.id}`}>{message.subject}</h2>
          <p class="muted">
            To {message.to} · <time datetime={message.createdAt}>{message.createdAt.replace("T", " ").slice(0, 19)} UTC</time>
          </p>
          <ul>
            {message.links.map((link) => (
              <li>
                <a href={link}>{link}</a>
              </li>
            ))}
          </ul>
          <pre>{message.text}</pre>
        </article>
      ))}
    </>,
  );
});
