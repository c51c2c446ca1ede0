import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for long work. It appears only on a terminal and only once the work
 * has taken more than `delayMs`, so quick imports and scripted runs stay quiet.
 */
export class ProgressReporter {
  private bar: cliProgress.SingleBar | undefined;
  private readonly started = Date.now();
  private phase = '';

  constructor(
    private readonly enabled: boolean = Boolean(process.stderr.isTTY),
    private readonly delayMs = 2000,
  ) {}

  /** @param fraction 0..1, or -1 when the amount of work is unknown. */
  update(fraction: number, phase: string): void {
    if (!this.enabled || Date.now() - this.started < this.delayMs) return;
    if (!this.bar) {
      this.bar = new cliProgress.SingleBar(
        { format: '{phase} [{bar}] {percentage}% | 用时 {duration_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(100, 0, { phase });
    }
    if (phase !== this.phase) this.phase = phase;
    this.bar.update(fraction < 0 ? 100 : Math.round(fraction * 100), { phase });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
