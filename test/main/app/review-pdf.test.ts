/**
 * The app's PDF of the access review against the Electron double: the report's HTML is printed by a hidden,
 * sandboxed window with JavaScript off and no preload, as A4 with the page's own CSS size; the PDF bytes come back;
 * the temp file and the window are gone afterwards, also when printing fails.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReviewPdfPrinter } from '../../../main/app/review-pdf';
import type { BrowserWindowPort } from '../../../main/app/electron-ports';
import { WindowDouble } from '../../helpers/electron-double';

// Compile-time: the app's BrowserWindow port (what main/index.ts holds) is a printer's window factory as it is.
export const wiresInTheApp = (BrowserWindow: BrowserWindowPort) => createReviewPdfPrinter(BrowserWindow);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'clade-pdf-test-'));
  WindowDouble.created.length = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('createReviewPdfPrinter', () => {
  it('prints the HTML in a hidden locked-down window and cleans up', async () => {
    const print = createReviewPdfPrinter(WindowDouble, root);
    const html = '<!DOCTYPE html><html lang="en"><title>Access review</title><p>Ada</p></html>';
    const pdf = await print(html);
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.7 double');
    const [window] = WindowDouble.created;
    expect(window!.options.show).toBe(false);
    expect(window!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window!.options.webPreferences?.preload).toBeUndefined();
    const [printed] = window!.webContents.printed;
    expect(printed!.html).toBe(html);
    expect(printed!.options).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(window!.destroyed).toBe(true);
    expect(readdirSync(root)).toEqual([]);
  });

  it('destroys the window and removes the file when printing fails', async () => {
    class FailingWindow extends WindowDouble {
      constructor(options: ConstructorParameters<typeof WindowDouble>[0]) {
        super(options);
        this.webContents.printToPDF = async () => {
          throw new Error('printing failed');
        };
      }
    }
    await expect(createReviewPdfPrinter(FailingWindow, root)('<p>x</p>')).rejects.toThrow('printing failed');
    expect(WindowDouble.created[0]!.destroyed).toBe(true);
    expect(readdirSync(root)).toEqual([]);
    expect(existsSync(root)).toBe(true);
  });
});
