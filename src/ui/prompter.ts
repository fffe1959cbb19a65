/** What resolve needs from a terminal; each method throws CancelledError on Ctrl-C or Esc. */
export interface Prompter {
  text(options: {
    message: string;
    placeholder?: string;
    defaultValue?: string;
    validate?: (value: string) => string | undefined;
  }): Promise<string>;
  select<T extends string>(options: {
    message: string;
    options: { value: T; label: string; hint?: string }[];
    initialValue?: T;
  }): Promise<T>;
  confirm(options: { message: string; initialValue?: boolean }): Promise<boolean>;
  /** Any number of the options, none chosen unless initialValues says so. */
  multiselect<T extends string>(options: {
    message: string;
    options: { value: T; label: string; hint?: string }[];
    initialValues?: T[];
  }): Promise<T[]>;
  /** Shows an answer given by flag where its prompt would have been. */
  answered(message: string, value: string): void;
}
