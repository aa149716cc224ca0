/**
 * Multi-line text in the terminal, on @clack/core: Enter adds a line, Enter twice in a row sends
 * the text wherever the cursor is (the first Enter's new line is taken out again), Escape dismisses.
 */
import type { Readable, Writable } from 'node:stream';
import { isCancel, type MultiLineOptions, MultiLinePrompt } from '@clack/core';
import type { Colors } from '../render/colors.js';
import { BAR, BAR_END, header } from './frame.js';

/**
 * @clack/core's multi-line prompt sends on a second Enter only with the cursor at the end of the
 * text; this one sends on any two Enters in a row.
 */
export class EnterTwicePrompt extends MultiLinePrompt {
  private previousKeyWasEnter = false;
  private thisKeyIsEnter = false;

  constructor(options: MultiLineOptions) {
    super(options);
    // Runs before `_shouldSubmit` for the same key.
    this.on('key', (_char, key) => {
      this.previousKeyWasEnter = this.thisKeyIsEnter;
      this.thisKeyIsEnter = key?.name === 'return';
    });
  }

  protected override _shouldSubmit(char: string | undefined, key: Parameters<MultiLinePrompt['_shouldSubmit']>[1]): boolean {
    const cursor = this.cursor;
    if (this.previousKeyWasEnter && cursor > 0 && this.userInput[cursor - 1] === '\n') {
      this._setUserInput(this.userInput.slice(0, cursor - 1) + this.userInput.slice(cursor));
      this._cursor = cursor - 1;
      return true;
    }
    return super._shouldSubmit(char, key);
  }
}

/** What `multiline` needs. */
export interface MultilineOptions {
  message: string;
  initialValue: string;
  colors: Colors;
  input: Readable;
  output: Writable;
  signal?: AbortSignal;
}

/** The text as sent, or `undefined` when the person pressed Escape or `signal` aborted. */
export async function multiline(options: MultilineOptions): Promise<string | undefined> {
  const c = options.colors;
  const withBar = (text: string, bar: string, style: (line: string) => string = (line) => line) =>
    text
      .split('\n')
      .map((line) => `${bar}  ${style(line)}`)
      .join('\n');
  const prompt: EnterTwicePrompt = new EnterTwicePrompt({
    initialValue: options.initialValue,
    input: options.input,
    output: options.output,
    ...(options.signal !== undefined && { signal: options.signal }),
    render() {
      const top = header(this.state, options.message, c);
      const value = this.value ?? '';
      if (this.state === 'submit') return `${top}${withBar(value, c.gray(BAR), c.dim)}`;
      if (this.state === 'cancel') return `${top}${withBar(value, c.gray(BAR), (line) => c.strikethrough(c.dim(line)))}`;
      return `${top}${withBar(textWithCursor(prompt, c), c.cyan(BAR))}\n${c.cyan(BAR_END)}\n`;
    },
  });
  const value = await prompt.prompt();
  return isCancel(value) ? undefined : (value ?? '');
}

/** The text with the cursor shown: inverse where colours are on, a `▌` before the character where not. */
function textWithCursor(prompt: EnterTwicePrompt, c: Colors): string {
  const text = prompt.userInput;
  const at = prompt.cursor;
  if (at >= text.length) return `${text}█`;
  const char = text[at] as string;
  if (char === '\n') return `${text.slice(0, at)}█${text.slice(at)}`;
  const mark = c.isColorSupported ? c.inverse(char) : `▌${char}`;
  return `${text.slice(0, at)}${mark}${text.slice(at + 1)}`;
}
