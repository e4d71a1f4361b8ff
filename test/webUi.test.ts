import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { getJson } from './support/http.js';
import { startTestStack, type TestStack } from './support/testStack.js';

const ACME_NUMBER = '+18005550101';
const ISSUE = 'I was charged twice for my October bill and want the duplicate charge refunded.';
const CALL_TIMEOUT_MS = 150_000;
const STATUS_TIMEOUT_MS = 20_000;
const FAILED_STATUSES = ['busy', 'no-answer', 'failed', 'canceled'];
const FINAL_STATUSES = ['completed', ...FAILED_STATUSES];

/** What the page showed over time, as recorded inside the page itself. */
interface PageRecord {
  statuses: string[];
  lines: Array<{ speaker: string; statusShown: string | null }>;
}

// Sent as source text: tsx compiles this file with keepNames, whose `__name()` helper does not exist in
// the page, so functions written here cannot be handed to page.evaluate.
const CALL_PAGE_RECORDER = readFileSync(fileURLToPath(new URL('./support/callPageRecorder.js', import.meta.url)), 'utf8');

/** Marks the window and records what the page shows from now on (see support/callPageRecorder.js). */
async function startRecordingPage(page: Page): Promise<void> {
  await page.evaluate(CALL_PAGE_RECORDER);
}

async function readPageRecord(page: Page): Promise<PageRecord | undefined> {
  return page.evaluate(() => (window as unknown as { uiTestRecord?: PageRecord }).uiTestRecord);
}

async function callCount(stack: TestStack): Promise<number> {
  return (await getJson(`${stack.api}/calls`)).body.calls.length;
}

/**
 * Waits until the page shows the call's outcome, or a status that means none will come. On a timeout the
 * error says what the page showed.
 */
async function waitForCallToSettle(page: Page): Promise<void> {
  const unsuccessful = FAILED_STATUSES.map((s) => `[data-testid="call-status"][data-status="${s}"]`).join(', ');
  try {
    await byTestId(page, 'outcome').or(page.locator(unsuccessful)).waitFor({ timeout: CALL_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`${(error as Error).message}\nthe page showed: ${JSON.stringify(await readPageRecord(page))}`);
  }
}

async function waitForShownStatus(page: Page, status: string): Promise<void> {
  try {
    await page.locator(`[data-testid="call-status"][data-status="${status}"]`).waitFor({ timeout: STATUS_TIMEOUT_MS });
  } catch {
    const record = await readPageRecord(page);
    assert.fail(`the page never showed the status "${status}"; it showed, in order: ${record?.statuses.join(', ')}`);
  }
}

/** The finished call's length as its header states it ("Talked for 38 s", "Talked for 1 min 5 s"). */
async function talkTimeShown(page: Page): Promise<{ text: string; seconds: number }> {
  const meta = await page.locator('.call-meta').innerText();
  const shown = /Talked for (?:(\d+) min )?(\d+) s/.exec(meta);
  assert.ok(shown, `the header of a finished call should say how long it lasted ("Talked for ..."): "${meta}"`);
  return { text: shown[0], seconds: Number(shown[1] ?? 0) * 60 + Number(shown[2]) };
}

function byTestId(page: Page, testId: string) {
  return page.locator(`[data-testid="${testId}"]`);
}

describe('the web UI in a real browser', { timeout: 400_000 }, () => {
  let stack: TestStack;
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    stack = await startTestStack();
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows field errors for an empty or invalid form and places no call', async (t) => {
    const { page, problems, close } = await openPage(browser, `${stack.api}/`);
    try {
      const callsBefore = await callCount(stack);
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posts.push(request.url());
      });
      await byTestId(page, 'new-call-form').waitFor();

      await byTestId(page, 'new-call-submit').click();
      const summary = byTestId(page, 'new-call-errors');
      await summary.waitFor();
      assert.match(await summary.innerText(), /Check the form/);
      assert.match(await page.locator('#call-to-error').innerText(), /Enter the phone number/);
      assert.match(await page.locator('#call-issue-error').innerText(), /Describe the issue/);
      assert.equal(await byTestId(page, 'new-call-to').getAttribute('aria-invalid'), 'true');
      assert.equal(await byTestId(page, 'new-call-issue').getAttribute('aria-invalid'), 'true');
      assert.deepEqual(posts, [], 'an empty form never reaches the server');

      await byTestId(page, 'new-call-to').fill('555-0101');
      await byTestId(page, 'new-call-issue').fill(ISSUE);
      await byTestId(page, 'new-call-submit').click();
      await page.locator('#call-to-error', { hasText: 'international format' }).waitFor();
      assert.equal(await page.locator('#call-issue-error').isVisible(), false, 'a fixed field loses its error');
      assert.equal(await byTestId(page, 'new-call-issue').getAttribute('aria-invalid'), null);
      assert.deepEqual(posts, [], 'a malformed number never reaches the server');

      // Too short for the API, though the page lets it through: the server's refusal lands on the field too.
      await byTestId(page, 'new-call-to').fill(ACME_NUMBER);
      await byTestId(page, 'new-call-issue').fill('broken');
      await byTestId(page, 'new-call-submit').click();
      await summary.filter({ hasText: 'The call was not placed' }).waitFor();
      assert.match(await page.locator('#call-issue-error').innerText(), /at least 10 characters/);
      assert.equal(await page.locator('#call-to-error').isVisible(), false);
      assert.equal(await byTestId(page, 'new-call-submit').isEnabled(), true, 'the form can be corrected and sent again');

      assert.match(page.url(), /\/(#\/?)?$/, 'still on the new-call page');
      assert.equal(await callCount(stack), callsBefore, 'no call was placed');
      assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), [], 'nothing but the refused request goes wrong in the page');
    } finally {
      t.diagnostic(`screenshot: ${await saveScreenshot(page, 'webUi-invalid-form')}`);
      await close();
    }
  });

  it('places a call to a sandbox business and follows it live to the case number, without reloading', async (t) => {
    const { page, problems, close } = await openPage(browser, `${stack.api}/`);
    try {
      const picker = byTestId(page, 'sandbox-business-select');
      await picker.waitFor();
      const acme = picker.locator('option', { hasText: 'Acme Telecom' });
      await picker.selectOption((await acme.getAttribute('value'))!);
      assert.equal(await byTestId(page, 'new-call-to').inputValue(), ACME_NUMBER, 'picking the business fills its number');
      assert.equal(await byTestId(page, 'new-call-company').inputValue(), 'Acme Telecom');

      await byTestId(page, 'new-call-issue').fill(ISSUE);
      await byTestId(page, 'new-call-user-name').fill('Jane Doe');
      await startRecordingPage(page);
      await byTestId(page, 'new-call-submit').click();

      await page.waitForURL(/#\/calls\/[^/]+$/);
      const id = decodeURIComponent(new URL(page.url()).hash.replace('#/calls/', ''));
      await byTestId(page, 'call-status').waitFor();

      await waitForCallToSettle(page);
      const record = await readPageRecord(page);
      assert.ok(record, 'the page was reloaded: the marker set before submitting is gone');

      const caseNumberShown = byTestId(page, 'outcome-case-number');
      assert.ok(await caseNumberShown.isVisible(), `no case number on the page: ${await byTestId(page, 'outcome').innerText()}`);
      const caseNumber = (await caseNumberShown.innerText()).trim();
      const call = (await getJson(`${stack.api}/calls/${encodeURIComponent(id)}`)).body;
      const truth = await getJson(`${stack.sandbox}/_sandbox/calls/${call.callSid}`);
      assert.equal(truth.status, 200);
      assert.match(truth.body.facts.caseNumber, /^ACM\d{5}$/);
      assert.equal(caseNumber, truth.body.facts.caseNumber, 'the page shows the case number the business actually gave');

      const whileUnderway = record.lines.filter((l) => l.statusShown !== null && !FINAL_STATUSES.includes(l.statusShown));
      const liveSpeakers = new Set(whileUnderway.map((l) => l.speaker));
      assert.ok(liveSpeakers.has('agent') && liveSpeakers.has('callee'), `lines from both sides should appear during the call: ${JSON.stringify(record.lines)}`);
      const agentLines = await page.locator('[data-testid="transcript-line"][data-speaker="agent"]').allInnerTexts();
      const calleeLines = await page.locator('[data-testid="transcript-line"][data-speaker="callee"]').allInnerTexts();
      assert.ok(agentLines.some((text) => text.includes(ISSUE)), `the agent's stating of the issue is not on the page: ${agentLines}`);
      assert.ok(calleeLines.some((text) => text.includes('Acme Telecom')), `the business's greeting is not on the page: ${calleeLines}`);

      // The final status is stored after the outcome, so it may show a moment later.
      await waitForShownStatus(page, 'completed');
      assert.equal(await byTestId(page, 'call-status').innerText(), 'Completed');
      const { statuses } = (await readPageRecord(page))!;
      for (const status of ['ringing', 'in-progress']) assert.ok(statuses.includes(status), `the page never showed "${status}"; it showed, in order: ${statuses}`);
      assert.ok(statuses.indexOf('ringing') < statuses.indexOf('in-progress'), `statuses out of order: ${statuses}`);
      assert.ok(statuses.indexOf('in-progress') < statuses.indexOf('completed'), `statuses out of order: ${statuses}`);

      const shownTimeline = await page.locator('[data-testid="timeline-entry"]').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-status') ?? ''));
      const steps = ['queued', 'dialing', 'ringing', 'in-progress', 'completed'].map((step) => shownTimeline.indexOf(step));
      assert.ok(steps.every((index, i) => index >= 0 && (i === 0 || index > steps[i - 1])), `the timeline lists the call's steps out of order: ${shownTimeline}`);

      const finished = (await getJson(`${stack.api}/calls/${encodeURIComponent(id)}`)).body;
      const at = (status: string) => Date.parse(finished.timeline.find((e: { status: string }) => e.status === status).at);
      const lastedSeconds = (at('completed') - at('in-progress')) / 1000;
      const talkTime = await talkTimeShown(page);
      assert.ok(Math.abs(talkTime.seconds - lastedSeconds) <= 2, `the header says "${talkTime.text}", but the call lasted ${lastedSeconds} s`);

      const listed = page.locator(`[data-testid="call-list-item"][data-call-id="${id}"]`);
      assert.match(await listed.innerText(), new RegExp(`Case ${caseNumber}`), 'the history list shows the case number too');
      assert.deepEqual(problems, []);
    } finally {
      t.diagnostic(`screenshot: ${await saveScreenshot(page, 'webUi-placed-call')}`);
      await close();
    }
  });

  it('lets a sandbox caller ring the user, and the answered call appears in the history', async () => {
    const { page, close } = await openPage(browser, `${stack.api}/`);
    try {
      await page.getByTestId('sandbox-call-in').click();
      await page.getByTestId('sandbox-call-in-status').filter({ hasText: 'is calling your number' }).waitFor({ timeout: 15_000 });
      const deadline = Date.now() + 120_000;
      let inbound: any;
      while (Date.now() < deadline) {
        inbound = (await getJson(`${stack.api}/calls`)).body.calls.find((c: any) => c.issue.startsWith('Incoming call') && c.status === 'completed');
        if (inbound) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      assert.ok(inbound, 'the incoming call was answered and finished');
    } finally {
      await close();
    }
  });
});
