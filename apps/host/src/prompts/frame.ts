/**
 * The look shared by the host's terminal prompts (the clack style: a bar down the left, a diamond
 * by the question), drawn with the host's own colours so that NO_COLOR leaves no escape sequence.
 */
import type { State } from '@clack/core';
import type { Colors } from '../render/colors.js';

export const BAR = '│';
export const BAR_END = '└';

/** The mark before the question: ◆ while asking, ◇ when answered, ■ when dismissed. */
export function stateMark(state: State, c: Colors): string {
  switch (state) {
    case 'submit':
      return c.green('◇');
    case 'cancel':
      return c.red('■');
    case 'error':
      return c.yellow('▲');
    default:
      return c.cyan('◆');
  }
}

/** The bar colour for `state`. */
export function stateBar(state: State, c: Colors): string {
  if (state === 'cancel') return c.gray(BAR);
  if (state === 'submit') return c.gray(BAR);
  if (state === 'error') return c.yellow(BAR);
  return c.cyan(BAR);
}

/** The top of every prompt: a gray bar, then the question with its mark. */
export function header(state: State, message: string, c: Colors): string {
  return `${c.gray(BAR)}\n${stateMark(state, c)}  ${message}\n`;
}
