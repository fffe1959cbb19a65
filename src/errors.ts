/** Thrown for bad flags, bad values, or an answer that is needed but cannot be asked: exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** how to fix it, when there is more to say than the message */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The user stopped us (Ctrl-C, Esc): exit 130. */
export class CancelledError extends Error {
  override readonly name = "CancelledError";
  constructor(message = "Cancelled") {
    super(message);
  }
}

/** Anything that went wrong before the project was in place: exit 1. `hint` says how to fix it. */
export class FailureError extends Error {
  override readonly name = "FailureError";
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
