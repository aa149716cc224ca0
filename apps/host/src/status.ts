/**
 * The "still working" line on stderr: a small spinner with a message and the seconds elapsed,
 * drawn only when stderr is a terminal, and paused while an approval prompt is on screen. Anything else written to
 * stderr meanwhile goes through `log`, which clears the line first, so output never interleaves
 * with the spinner.
 */
import type { Writable } from 'node:stream';
import type { Colors } from './render/colors.js';

const FRAMES = ['◒', '◐', '◓', '◑'];

/** The status line. Every method is a no-op for the drawing when it is disabled; `log` still writes. */
export class Status {
  private message = '';
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;
  private since = performance.now();
  private paused = false;

  constructor(
    private readonly out: Writable & { columns?: number },
    private readonly enabled: boolean,
    private readonly c: Colors,
  ) {}

  /** Show `message` with a spinner (replaces any current message). */
  start(message: string): void {
    this.message = message;
    this.since = performance.now();
    if (!this.enabled || this.paused) return;
    if (this.timer === undefined) this.run();
  }

  /** Take the line off the screen while something else (an approval prompt) owns the terminal. */
  pause(): void {
    this.paused = true;
    this.halt();
  }

  /** Draw the line again after `pause`, if a message is still current. */
  resume(): void {
    this.paused = false;
    if (this.enabled && this.message !== '' && this.timer === undefined) this.run();
  }

  /** Change the message, keep the timer. */
  update(message: string): void {
    this.message = message;
  }

  /** Remove the line and stop. */
  stop(): void {
    this.halt();
    this.message = '';
  }

  /** Write `text` (one or more lines) to stderr without tearing the spinner line. */
  log(text: string): void {
    const running = this.timer !== undefined;
    this.halt();
    this.out.write(`${text}\n`);
    if (running && !this.paused) this.run();
  }

  private run(): void {
    this.draw();
    this.timer = setInterval(() => this.draw(), 100);
    this.timer.unref();
  }

  private halt(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.out.write('\r\x1b[2K');
  }

  private draw(): void {
    this.frame = (this.frame + 1) % FRAMES.length;
    const seconds = Math.floor((performance.now() - this.since) / 1000);
    const width = Math.max(20, (this.out.columns ?? 80) - 12);
    const message = this.message.length > width ? `${this.message.slice(0, width - 1)}…` : this.message;
    this.out.write(`\r\x1b[2K${this.c.magenta(FRAMES[this.frame] ?? '')} ${message} ${this.c.dim(`${seconds}s`)}`);
  }
}
