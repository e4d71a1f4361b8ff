import { access, constants } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: tests use the system browser and never download one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'];

/** Starts headless Chromium, or explains how to install it when it is missing. */
export async function launchBrowser(executablePath = CHROMIUM_PATH): Promise<Browser> {
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(`No Chromium at ${executablePath}; the browser tests need it: install it with: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface TestPage {
  page: Page;
  /** Uncaught exceptions and console errors the page produced, in order. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh page in its own context (no shared storage with other tests), recording what goes wrong in it. */
export async function openPage(browser: Browser, url: string): Promise<TestPage> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

/** Saves the whole page as a PNG in the temp directory and returns its path, for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(os.tmpdir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
