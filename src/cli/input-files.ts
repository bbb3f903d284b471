import * as path from 'path';
import { InputError } from './cli-errors';
import { CliIo, resolvePath } from './cli-io';

/** The file extensions read when a directory is given. */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The name `-` stands for standard input, as in most Unix tools. */
export const STDIN_ARGUMENT = '-';

/** One input to read: a file (shown with the path the user typed) or standard input. */
export interface InputFile {
  /** How messages name it: the path as given (or found below a given directory), or `<stdin>`. */
  readonly displayName: string;
  /** Absolute path, or `undefined` for standard input. */
  readonly absolutePath?: string;
}

/**
 * Expands the arguments to the files they name: files as given, directories recursively
 * (`*.yaml`, `*.yml`, `*.json`, sorted by path so output is stable), `-` for stdin.
 * Missing paths are collected, not thrown one at a time, so the user fixes them all at once.
 */
export function expandInputs(io: CliIo, args: string[]): { files: InputFile[]; errors: InputError[] } {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  for (const arg of args) {
    if (arg === STDIN_ARGUMENT) {
      files.push({ displayName: '<stdin>' });
      continue;
    }
    const abs = resolvePath(io, arg);
    const kind = io.kindOf(abs);
    if (kind === 'missing') {
      errors.push(new InputError(arg, 'no such file or directory'));
    } else if (kind === 'file') {
      files.push({ displayName: arg, absolutePath: abs });
    } else {
      const found = walkDirectory(io, abs, arg);
      if (found.length === 0) {
        errors.push(new InputError(arg, `directory holds no ${MANIFEST_EXTENSIONS.map((e) => `*${e}`).join(', ')} files`));
      }
      files.push(...found);
    }
  }
  return { files, errors };
}

function walkDirectory(io: CliIo, abs: string, shown: string): InputFile[] {
  const out: InputFile[] = [];
  // Sort by code point, not locale: the same order on every machine, so CI output is stable.
  const names = [...io.listDirectory(abs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const childAbs = path.join(abs, name);
    const childShown = path.join(shown, name);
    const kind = io.kindOf(childAbs);
    if (kind === 'directory') {
      out.push(...walkDirectory(io, childAbs, childShown));
    } else if (kind === 'file' && MANIFEST_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
      out.push({ displayName: childShown, absolutePath: childAbs });
    }
  }
  return out;
}

/**
 * Reads an input as UTF-8 text. Binary content is refused here with a clear message rather
 * than handed to the YAML parser, which would report a confusing syntax error.
 */
export async function readInputText(io: CliIo, file: InputFile): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file.absolutePath === undefined ? await io.readStdin() : io.readFile(file.absolutePath);
  } catch (e) {
    throw new InputError(file.displayName, `cannot read: ${describeFsError(e)}`);
  }
  if (bytes.includes(0)) {
    throw new InputError(file.displayName, 'is a binary file (it holds NUL bytes), expected YAML or JSON text');
  }
  const text = bytes.toString('utf-8');
  if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD', 'utf-8'))) {
    throw new InputError(file.displayName, 'is not valid UTF-8 text, expected YAML or JSON');
  }
  // A byte order mark is legal at the start of YAML/JSON; drop it so line 1 column 1 stays line 1 column 1.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EISDIR': return 'is a directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    default: return code ? `${code}` : String((e as Error)?.message ?? e).split('\n')[0];
  }
}
