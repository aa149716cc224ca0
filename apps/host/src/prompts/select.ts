/** A one-choice list in the terminal (↑/↓ and Enter; Escape dismisses), on @clack/core. */
import type { Readable, Writable } from 'node:stream';
import { isCancel, SelectPrompt } from '@clack/core';
import type { Colors } from '../render/colors.js';
import { BAR, BAR_END, header } from './frame.js';

/** One option of a `select`. */
export interface SelectOption<T> {
  value: T;
  label: string;
  hint?: string;
}

/** What `select` needs. */
export interface SelectOptions<T> {
  message: string;
  options: SelectOption<T>[];
  colors: Colors;
  input: Readable;
  output: Writable;
  signal?: AbortSignal;
}

/** The chosen value, or `undefined` when the person pressed Escape or `signal` aborted. */
export async function select<T>(options: SelectOptions<T>): Promise<T | undefined> {
  const c = options.colors;
  const prompt = new SelectPrompt<SelectOption<T>>({
    options: options.options,
    input: options.input,
    output: options.output,
    ...(options.signal !== undefined && { signal: options.signal }),
    render() {
      const top = header(this.state, options.message, c);
      const chosen = this.options[this.cursor];
      if (this.state === 'submit') return `${top}${c.gray(BAR)}  ${c.dim(chosen?.label ?? '')}`;
      if (this.state === 'cancel') return `${top}${c.gray(BAR)}  ${c.strikethrough(c.dim(chosen?.label ?? ''))}\n${c.gray(BAR)}`;
      const rows = this.options.map((option, index) =>
        index === this.cursor
          ? `${c.green('●')} ${option.label}${option.hint === undefined ? '' : ` ${c.dim(`(${option.hint})`)}`}`
          : `${c.dim('○')} ${c.dim(option.label)}`,
      );
      const footer = `${c.dim('↑/↓')} to choose • ${c.dim('Enter:')} confirm • ${c.dim('Esc:')} dismiss`;
      return `${top}${rows.map((row) => `${c.cyan(BAR)}  ${row}`).join('\n')}\n${c.cyan(BAR)}  ${footer}\n${c.cyan(BAR_END)}\n`;
    },
  });
  const value = await prompt.prompt();
  return isCancel(value) ? undefined : (value as T | undefined);
}
