/**
 * What every command of `prio` shares about talking to the terminal: where output and errors go
 * (`Io`), and `UsageError`, the bad input a person can fix. main.ts prints a UsageError as its one
 * line on stderr with exit 2; anything else is a defect of ours (exit 1), still one line.
 */

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export class UsageError extends Error {}
