/**
 * The access review as PDF in the app: the report's own printable HTML (core/review/render-html.ts, print CSS, no
 * script) loaded into a hidden, locked-down window (sandboxed, no preload, JavaScript off) and printed with
 * Electron's `webContents.printToPDF`; the e2e test prints the same HTML with Chromium's `page.pdf()`. The HTML goes
 * through a private temp file (0700 folder, 0600 file) rather than a data: URL, which Chromium caps at 2 MB; the
 * file and the window are gone when the promise settles.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

export interface PdfWindowPort {
  loadFile(file: string): Promise<void>;
  readonly webContents: Pick<WebContents, 'printToPDF'>;
  destroy(): void;
}
export type PdfWindowFactory = new (options: BrowserWindowConstructorOptions) => PdfWindowPort;

export function createReviewPdfPrinter(
  BrowserWindow: PdfWindowFactory,
  tempRoot: string = tmpdir(),
): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const dir = mkdtempSync(join(tempRoot, 'clade-review-'));
    let window: PdfWindowPort | null = null;
    try {
      const file = join(dir, 'review.html');
      writeFileSync(file, html, { mode: 0o600 });
      // Written out here (not a shared constant) so that the security scan (electronegativity) reads every option.
      window = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          spellcheck: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      await window.loadFile(file);
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
      return new Uint8Array(pdf);
    } finally {
      window?.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
