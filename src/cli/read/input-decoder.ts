
import { TextDecoder } from 'util';

/** The encoding read from the first bytes of an input. */
export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The input cannot be decoded as kubectl decodes it; the message completes `<file>: `. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/**
 * Bytes to text as kubectl reads files (k8s.io/cli-runtime: `unicode.BOMOverride` over a UTF-8
 * decoder): a UTF-8 or UTF-16 (LE or BE) byte order mark selects the encoding and is dropped;
 * without one the input is UTF-8, where each invalid sequence reads as U+FFFD. UTF-32 has no decoder
 * there (its mark reads as UTF-16 and then as NUL characters, which YAML refuses), so it is
 * refused here with a message that says so. Works block by block: sequences cut by a block
 * boundary are completed by the next block.
 */
export class InputDecoder {
  private encoding?: InputEncoding;
  private head: Buffer = Buffer.alloc(0);
  private carry: Buffer = Buffer.alloc(0);
  private utf16?: TextDecoder;
  private utf8Decoder?: TextDecoder;

  /** The encoding, once the first bytes have been seen. */
  public get detected(): InputEncoding | undefined {
    return this.encoding;
  }

  public decode(block: Buffer, final: boolean): string {
    let bytes: Buffer = block;
    if (this.encoding === undefined) {
      this.head = this.head.length === 0 ? block : Buffer.concat([this.head, block]);
      if (this.head.length < 4 && !final) return '';
      bytes = this.detect(this.head);
      this.head = Buffer.alloc(0);
    }
    return this.encoding === 'utf-8' ? this.utf8(bytes, final) : this.utf16Text(bytes, final);
  }

  private detect(b: Buffer): Buffer {
    const at = (i: number) => (i < b.length ? b[i] : -1);
    if (at(0) === 0xff && at(1) === 0xfe && at(2) === 0x00 && at(3) === 0x00) {
      throw new DecodeError('is UTF-32 (little-endian, with a byte order mark), which kubectl cannot read (it refuses the file); save it as UTF-8');
    }
    if (at(0) === 0x00 && at(1) === 0x00 && at(2) === 0xfe && at(3) === 0xff) {
      throw new DecodeError('is UTF-32 (big-endian, with a byte order mark), which kubectl cannot read (it refuses the file); save it as UTF-8');
    }
    if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) {
      this.encoding = 'utf-8';
      return b.subarray(3);
    }
    if (at(0) === 0xff && at(1) === 0xfe) {
      this.encoding = 'utf-16le';
      return b.subarray(2);
    }
    if (at(0) === 0xfe && at(1) === 0xff) {
      this.encoding = 'utf-16be';
      return b.subarray(2);
    }
    this.encoding = 'utf-8';
    return b;
  }

  private utf8(block: Buffer, final: boolean): string {
    // Go's x/text UTF-8 decoder replaces each maximal invalid subsequence with one U+FFFD, as the
    // WHATWG decoder does (recorded: test/fixtures/kubectl-reading/inputs/utf8-invalid-bytes.yaml).
    // ignoreBOM: our own detection dropped the first mark; any other stays text, as in kubectl.
    this.utf8Decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
    return this.utf8Decoder.decode(block, { stream: !final });
  }

  private utf16Text(block: Buffer, final: boolean): string {
    this.utf16 ??= new TextDecoder('utf-16le', { ignoreBOM: true });
    let bytes: Buffer = this.carry.length > 0 ? Buffer.concat([this.carry, block]) : block;
    this.carry = Buffer.alloc(0);
    if (this.encoding === 'utf-16be') {
      if (bytes.length % 2 === 1 && !final) {
        this.carry = Buffer.from(bytes.subarray(bytes.length - 1));
        bytes = bytes.subarray(0, bytes.length - 1);
      }
      const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
      swapped.swap16();
      bytes = bytes.length % 2 === 1 ? Buffer.concat([swapped, bytes.subarray(bytes.length - 1)]) : swapped;
    }
    return this.utf16.decode(bytes, { stream: !final });
  }
}
