import cliProgress from 'cli-progress';

/**
 * A progress line on stderr for long ingests: shown only on a terminal, and only once more than a
 * few items have been read (short runs stay quiet).
 */
export function progressReporter(enabled: boolean, showAfter = 5): { tick: (origin: string) => void; stop: () => void } {
  const tty = enabled && process.stderr.isTTY;
  let n = 0;
  let bar: cliProgress.SingleBar | null = null;
  return {
    tick(origin: string) {
      n++;
      if (!tty) return;
      if (!bar && n > showAfter) {
        bar = new cliProgress.SingleBar(
          { format: 'ingest | {value} items | {rate}/s | {origin}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(0, n, { origin, rate: '0' });
      }
      bar?.update(n, { origin: origin.length > 50 ? '…' + origin.slice(-49) : origin });
    },
    stop() {
      bar?.stop();
    },
  };
}
