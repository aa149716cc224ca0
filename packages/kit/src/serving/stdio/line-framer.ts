/**
 * Splits a byte stream into newline-delimited lines with a byte limit per line. A line over the
 * limit is not kept: only its first and last bytes are, enough to recover its JSON-RPC id, so a
 * 1 GB line costs no more memory than a line at the limit.
 */

/** Bytes kept from the start of an over-limit line (the members before `params`). */
const HEAD_BYTES = 4096;
/** Bytes kept from the end of an over-limit line (an `"id"` written last). */
const TAIL_BYTES = 256;

/** One complete line, or the remains of one that was too long. */
export type FramedLine = { kind: 'line'; text: string } | { kind: 'too-long'; bytes: number; head: string; tail: string };

const NEWLINE = 0x0a;

export class LineFramer {
  private parts: Buffer[] = [];
  private size = 0;
  private overflow: { bytes: number; head: Buffer; tail: Buffer } | undefined;

  /** @param maxLineBytes longest line accepted, newline (and a CR before it) not counted. */
  constructor(readonly maxLineBytes: number) {}

  /** Feed a chunk; returns the lines it completed, in order. */
  push(chunk: Buffer): FramedLine[] {
    const lines: FramedLine[] = [];
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, from);
      if (newline === -1) {
        if (from < chunk.length) this.append(chunk.subarray(from));
        return lines;
      }
      this.append(chunk.subarray(from, newline));
      lines.push(this.take());
      from = newline + 1;
    }
  }

  /** Drop anything buffered (an unterminated last line). */
  clear(): void {
    this.parts = [];
    this.size = 0;
    this.overflow = undefined;
  }

  private append(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.overflow !== undefined) {
      this.overflow.bytes += piece.length;
      this.overflow.tail = lastBytes(Buffer.concat([this.overflow.tail, piece.subarray(-TAIL_BYTES)]), TAIL_BYTES);
      return;
    }
    // One byte of slack for the CR of a CRLF line ending, which is not part of the line.
    if (this.size + piece.length <= this.maxLineBytes + 1) {
      this.parts.push(piece);
      this.size += piece.length;
      return;
    }
    const sofar = Buffer.concat([...this.parts, piece]);
    this.overflow = {
      bytes: sofar.length,
      head: Buffer.from(sofar.subarray(0, HEAD_BYTES)),
      tail: Buffer.from(lastBytes(sofar, TAIL_BYTES)),
    };
    this.parts = [];
    this.size = 0;
  }

  private take(): FramedLine {
    const overflow = this.overflow;
    if (overflow !== undefined) {
      this.clear();
      return {
        kind: 'too-long',
        bytes: overflow.bytes,
        head: overflow.head.toString('utf8'),
        tail: overflow.tail.toString('utf8'),
      };
    }
    let line = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.size);
    this.clear();
    if (line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
    if (line.length > this.maxLineBytes) return tooLong(line);
    return { kind: 'line', text: line.toString('utf8') };
  }
}

function lastBytes(buffer: Buffer, count: number): Buffer {
  return buffer.length <= count ? buffer : buffer.subarray(buffer.length - count);
}

function tooLong(line: Buffer): FramedLine {
  return {
    kind: 'too-long',
    bytes: line.length,
    head: line.subarray(0, HEAD_BYTES).toString('utf8'),
    tail: lastBytes(line, TAIL_BYTES).toString('utf8'),
  };
}
