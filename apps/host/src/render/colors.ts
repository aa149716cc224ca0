/** Colours for one output stream: on when it is a terminal, unless NO_COLOR is set (FORCE_COLOR forces them on). */
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours for `stream` (`process.stdout` or `process.stderr`). */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const disabled = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return pc.createColors(forced || (!disabled && stream.isTTY === true));
}

/** No colours at all (for tests and `--json`). */
export const NO_COLORS: Colors = pc.createColors(false);
