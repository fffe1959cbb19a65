import type { Child } from "hono/jsx";

type FieldProps = {
  label: string;
  name: string;
  type?: "text" | "email" | "password";
  value?: string;
  autocomplete?: string;
  /** Marks the field invalid for assistive technology when its form has an error. */
  error?: boolean;
  minlength?: number;
};

/** A labelled input: the label's text is what screen readers announce and what tests look for. */
export function Field(props: FieldProps) {
  const id = `field-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        autocomplete={props.autocomplete}
        minlength={props.minlength}
        required
        aria-invalid={props.error ? "true" : undefined}
      />
    </div>
  );
}

/** An error next to its form, announced when the page loads. */
export function FormError({ message }: { message?: string | undefined }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}

/** A one-line confirmation after a redirect. */
export function Notice({ message }: { message?: string | undefined }) {
  return message ? (
    <p class="notice" role="status">
      {message}
    </p>
  ) : null;
}

/** A form with one button that posts to `action` (sign out, switch, revoke). */
export function ButtonForm(props: { action: string; label: Child; class?: string; hidden?: Record<string, string> }) {
  return (
    <form method="post" action={props.action}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.class}>
        {props.label}
      </button>
    </form>
  );
}
