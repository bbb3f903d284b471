import * as path from 'path';
import { InputError } from './cli-errors';
import { CliIo, FileKind, resolvePath, TempFile } from './cli-io';
import { ByteSource, formatBytes, ReadLimits } from './read/manifest-reader';

/** The file extensions read when a directory is given. */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The name `-` stands for standard input, as in most Unix tools. */
export const STDIN_ARGUMENT = '-';

/** One input to read: a file (shown with the path the user typed) or standard input. */
export interface InputFile {
  /** How messages name it: the path as given (or found below a given directory), or `<stdin>`. */
  readonly displayName: string;
  /** Absolute path (for standard input: where it was spooled, see `spoolStdin`). */
  readonly absolutePath: string;
  /** Bytes, when known (for progress). */
  readonly size: number;
}

export interface ExpandedInputs {
  readonly files: InputFile[];
  readonly errors: InputError[];
  /** Things skipped on purpose (a symlink loop, a directory reached twice): printed as notes. */
  readonly notes: string[];
  /** True if `-` was among the arguments (its file is added by `spoolStdin`). */
  readonly stdin: boolean;
}

/**
 * Expands the arguments to the files they name: files as given, directories recursively
 * (`*.yaml`, `*.yml`, `*.json`, sorted by path so output is stable), `-` for stdin.
 *
 * Symbolic links to directories are followed, each real directory once: a link back to an
 * ancestor (a loop) or to a directory already read is skipped with a note, so no file is read
 * twice and no walk runs forever. A file reached by two paths is read once. FIFOs, sockets and
 * devices are refused, never opened (a FIFO would block, `/dev/zero` never ends). Problems are
 * collected, not thrown one at a time, so the user fixes them all at once.
 */
export function expandInputs(io: CliIo, args: string[]): ExpandedInputs {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  const notes: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  let stdin = false;

  const addFile = (shown: string, abs: string, id: string, size: number) => {
    if (seenFiles.has(id)) {
      notes.push(`${shown}: already read as another path (a link to the same file); read once`);
      return;
    }
    seenFiles.add(id);
    files.push({ displayName: shown, absolutePath: abs, size });
  };

  const walk = (abs: string, shown: string, ancestors: Set<string>) => {
    let names: string[];
    try {
      names = [...io.listDirectory(abs)];
    } catch (e) {
      errors.push(new InputError(shown, `cannot list the directory: ${describeFsError(e)}`));
      return;
    }
    // Sort by code point, not locale: the same order on every machine, so CI output is stable.
    // Real entries first, then symbolic links: a file or directory is shown by its real path.
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const links = names.filter((n) => io.isSymlink(path.join(abs, n)));
    for (const name of [...names.filter((n) => !links.includes(n)), ...links]) {
      const childAbs = path.join(abs, name);
      const childShown = path.join(shown, name);
      const info = io.stat(childAbs);
      if (info.kind === 'directory') {
        if (ancestors.has(info.id)) {
          notes.push(`${childShown}: a symbolic link to a directory that contains it (a loop); not followed`);
          continue;
        }
        if (seenDirs.has(info.id)) {
          notes.push(`${childShown}: a link to a directory already read; not read again`);
          continue;
        }
        seenDirs.add(info.id);
        walk(childAbs, childShown, new Set([...ancestors, info.id]));
        continue;
      }
      if (!MANIFEST_EXTENSIONS.includes(path.extname(name).toLowerCase())) continue;
      if (info.kind === 'file') addFile(childShown, childAbs, info.id, info.size);
      else if (info.kind === 'missing') errors.push(new InputError(childShown, io.isSymlink(childAbs) ? 'is a symbolic link to nothing (its target does not exist)' : 'no such file or directory'));
      else errors.push(new InputError(childShown, notRegular(info.kind)));
    }
  };

  for (const arg of args) {
    if (arg === STDIN_ARGUMENT) {
      stdin = true;
      continue;
    }
    const abs = resolvePath(io, arg);
    const info = io.stat(abs);
    if (info.kind === 'missing') {
      errors.push(new InputError(arg, io.isSymlink(abs) ? 'is a symbolic link to nothing (its target does not exist)' : 'no such file or directory'));
    } else if (info.kind === 'file') {
      addFile(arg, abs, info.id, info.size);
    } else if (info.kind === 'directory') {
      if (seenDirs.has(info.id)) continue;
      seenDirs.add(info.id);
      const before = files.length;
      walk(abs, arg, new Set([info.id]));
      if (files.length === before && !errors.some((e) => e.where.startsWith(arg))) {
        errors.push(new InputError(arg, `directory holds no ${MANIFEST_EXTENSIONS.map((e) => `*${e}`).join(', ')} files`));
      }
    } else {
      errors.push(new InputError(arg, notRegular(info.kind)));
    }
  }
  return { files, errors, notes, stdin };
}

function notRegular(kind: FileKind): string {
  const what = kind === 'fifo' ? 'a FIFO (named pipe)' : kind === 'other' ? 'not a regular file' : `a ${kind}`;
  return `is ${what}, not a regular file; refusing to read it (pipe it to standard input with '-' if you mean to)`;
}

/**
 * Copies standard input to a temporary file, so it can be read twice (lint's two passes) and one
 * document at a time like any file. Refuses input beyond `--max-input-size`, and input with a
 * line longer than `--max-document-size` (such as `/dev/zero`) as soon as it is seen, so memory
 * and disk stay bounded. The caller removes the file (`InputFile` + `remove`).
 */
export async function spoolStdin(io: CliIo, limits: ReadLimits): Promise<{ file: InputFile; remove: () => void } | InputError> {
  let temp: TempFile;
  try {
    temp = io.createTempFile();
  } catch (e) {
    return new InputError('<stdin>', `cannot create a temporary file to read standard input: ${describeFsError(e)}`);
  }
  let total = 0;
  let sinceNewline = 0;
  try {
    for await (const chunk of io.stdin()) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      total += bytes.length;
      if (total > limits.maxInputBytes) {
        temp.remove();
        return new InputError('<stdin>', `is larger than the limit of ${formatBytes(limits.maxInputBytes)} (raise it with --max-input-size); stopped reading it`);
      }
      const nl = bytes.lastIndexOf(10);
      sinceNewline = nl === -1 ? sinceNewline + bytes.length : bytes.length - nl - 1;
      if (sinceNewline > limits.maxDocumentBytes) {
        temp.remove();
        return new InputError('<stdin>', `holds a line longer than the limit of ${formatBytes(limits.maxDocumentBytes)} (raise it with --max-document-size); stopped reading it`);
      }
      temp.write(bytes);
    }
    temp.close();
  } catch (e) {
    temp.remove();
    return new InputError('<stdin>', `cannot read standard input: ${describeFsError(e)}`);
  }
  return { file: { displayName: '<stdin>', absolutePath: temp.path, size: total }, remove: () => temp.remove() };
}

/**
 * The one input of `explain` and `migrate`: a file, or standard input spooled to a temporary file.
 * Throws an `InputError` for a missing path or a directory of several files. Call `remove` when done.
 */
export async function singleInputFile(
  io: CliIo, input: string, command: string, limits: ReadLimits,
): Promise<{ file: InputFile; stdin: boolean; remove: () => void }> {
  const expanded = expandInputs(io, [input]);
  if (expanded.errors.length > 0) throw expanded.errors[0];
  if (expanded.stdin) {
    const spooled = await spoolStdin(io, limits);
    if (spooled instanceof InputError) throw spooled;
    return { file: spooled.file, stdin: true, remove: spooled.remove };
  }
  if (expanded.files.length !== 1) {
    throw new InputError(input, `${command} takes one file, and this directory holds ${expanded.files.length}; ${command} them one at a time`);
  }
  return { file: expanded.files[0], stdin: false, remove: () => undefined };
}

/** Opens an input for reading, or says in one line why it cannot be read. */
export function openInput(io: CliIo, file: InputFile): ByteSource | InputError {
  try {
    return io.openFile(file.absolutePath);
  } catch (e) {
    const kind = (e as { kind?: FileKind }).kind;
    return new InputError(file.displayName, kind ? notRegular(kind) : `cannot read: ${describeFsError(e)}`);
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EISDIR': return 'is a directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many levels of symbolic links (a link loop)';
    default: return code ? `${code}` : String((e as Error)?.message ?? e).split('\n')[0];
  }
}
