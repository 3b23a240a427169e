/** What the installer needs from a link to a box's REPL (Web Bluetooth in the page, a fake in tests). */
export interface BoxConnection {
  /** Evaluates an expression on the box and resolves with its value. */
  eval(expression: string): Promise<unknown>;
  /** Sends REPL text as is. */
  write(text: string): Promise<void>;
  /** Hears what the box prints until the returned function is called. */
  onOutput(listener: (text: string) => void): () => void;
  close(): Promise<void>;
}
