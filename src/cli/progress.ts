import { CliIo } from './cli-io';

/**
 * A progress line on standard error for long runs (`lint` of 46 MB took 49 s in silence before):
 * drawn only when standard error is a terminal, only once a run has taken a second, at most five
 * times a second, and erased before anything else is printed, so logs and pipes never see it.
 */
export class Progress {
  private readonly started: number;
  private lastDraw = 0;
  private shown = false;
  /** Bytes of all inputs, when known. */
  public totalBytes = 0;

  constructor(private readonly io: CliIo) {
    this.started = io.now();
  }

  /** Redraws the line if it is time to. */
  public update(bytesRead: number, objects: number, findings: number): void {
    if (!this.io.stderrIsTty) return;
    const now = this.io.now();
    if (now - this.started < 1000 || now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const pct = this.totalBytes > 0 ? ` (${Math.min(100, Math.floor((bytesRead / this.totalBytes) * 100))}%)` : '';
    const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
    const line = `lint: ${mib(bytesRead)} of ${mib(this.totalBytes)} MiB${pct}, ${objects.toLocaleString('en-US')} objects, ${findings.toLocaleString('en-US')} findings, ${((now - this.started) / 1000).toFixed(0)} s`;
    this.io.writeStderr(`\r\x1b[K${line}`);
    this.shown = true;
  }

  /** Erases the line (call before printing anything else). */
  public clear(): void {
    if (!this.shown) return;
    this.io.writeStderr('\r\x1b[K');
    this.shown = false;
  }
}
