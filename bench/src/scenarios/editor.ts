import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { DocClient } from '../clients/DocClient.js';
import { ThinClient } from '../clients/ThinClient.js';
import { MeasureWindow, type WindowReport } from '../measure/MeasureWindow.js';
import { treeCpuSeconds } from '../measure/procStats.js';
import { sleep, summarize, type Distribution } from '../measure/summarize.js';
import { seededRandom } from '../workload/random.js';
import { inBatches, type ScenarioContext } from './ScenarioContext.js';

const SEEDER_ID = 7_301;
const WARMUP_KEYSTROKES = 10;
const KEY_INTERVAL_MS = 100;
const UI_TIMEOUT_MS = 60_000;

export interface EditorResult {
  keystrokes: number;
  remoteTypists: number;
  /** keydown (event.timeStamp) to the task after the next animation frame, i.e. after its paint. */
  keystrokeToPaint: Distribution;
  /** keydown to the next task: the main-thread work of handling the keystroke (editor, Yjs, socket). */
  processing: Distribution;
  /** Characters of the document in the editor when typing began. */
  documentCharacters: number;
  /**
   * The same typing into a static contenteditable holding the same paragraphs, without any
   * script: what this browser on this machine costs by itself, whatever the application does.
   */
  floor: { keystrokeToPaint: Distribution; processing: Distribution };
  /** The typing into the app: Chromium's CPU counts as ours on the generator core, never rejected. */
  window?: WindowReport;
}

declare global {
  interface Window {
    __benchPaint: number[];
    __benchProcessing: number[];
  }
}

/**
 * The built web app, served by Canevas, in headless Chromium (pinned with the generator, whose
 * affinity it inherits): the 30-page dossier open, the caret in its middle, one keystroke every
 * 100 ms while `editorRemoteTypists` remote clients type 5 characters a second each.
 */
export async function runEditor(ctx: ScenarioContext): Promise<EditorResult> {
  const { api, params, workload, target } = ctx;
  const trace = workload.dossierTrace();
  const [docName] = await api.createDocuments(1, 'Dossier de 30 pages');
  const seeder = new DocClient(api, docName!, { clientId: SEEDER_ID });
  await seeder.connect();
  Y.applyUpdate(seeder.doc, trace.finalUpdate);

  const streams = workload.typists(params.editorRemoteTypists, params.typingRate * 120);
  const remotes = await inBatches(streams, 5, (stream) => ThinClient.connect(api, docName!, stream.clientId));
  remotes.forEach((client, i) => client.send(client.codec.update(streams[i]!.opening)));

  const profile = await mkdtemp(join(tmpdir(), 'canevas-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let typing: NodeJS.Timeout | undefined;
  try {
    await context.addInitScript(() => {
      window.localStorage.setItem('canevas.user', JSON.stringify({ name: 'Banc d’essai', color: '#1d4ed8' }));
    });
    if (target.credentials) {
      await context.addCookies([{ name: 'canevas_session', value: target.credentials.session, url: target.url }]);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${target.url}/d/${docName}`);
    const editor = page.getByRole('textbox', { name: 'Contenu du document' });
    await editor.and(page.locator('[contenteditable="true"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.waitForFunction((chars) => (document.querySelector('.editor__content')?.textContent?.length ?? 0) >= chars, trace.stats.characters * 0.9, {
      timeout: UI_TIMEOUT_MS,
    });
    await seeder.destroy();
    const documentCharacters = await page.evaluate(() => document.querySelector('.editor__content')?.textContent?.length ?? 0);

    await instrument(page);
    const paragraphs = editor.locator('p');
    const middle = paragraphs.nth(Math.floor((await paragraphs.count()) / 2));
    await middle.scrollIntoViewIfNeeded();
    await middle.click();
    await page.keyboard.press('End');
    const texts = await paragraphs.allTextContents();

    // The remote typists, 5 keystrokes a second each.
    const frames = remotes.map((client, i) => streams[i]!.keystrokes.map((update) => client.codec.update(update)));
    const random = seededRandom(3);
    const interval = 1000 / params.typingRate;
    const start = performance.now();
    const next = remotes.map(() => start + random() * interval);
    const sent = remotes.map(() => 0);
    typing = setInterval(() => {
      const now = performance.now();
      remotes.forEach((client, i) => {
        while (next[i]! <= now && sent[i]! < frames[i]!.length) {
          client.send(frames[i]![sent[i]!]!);
          sent[i]!++;
          next[i]! += interval;
        }
      });
    }, 5);
    const measured = new MeasureWindow(target, ctx.pinning, { generatorCpu: () => treeCpuSeconds(process.pid), maxGeneratorShare: Number.POSITIVE_INFINITY });
    // BENCH_EDITOR_PROFILE=<file.cpuprofile>: the page's JavaScript CPU profile while it types.
    const profiler = process.env.BENCH_EDITOR_PROFILE ? await page.context().newCDPSession(page) : undefined;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    const app = await typeAndCollect(page, params.editorKeystrokes, random);
    if (profiler) {
      const { profile: cpuProfile } = await profiler.send('Profiler.stop');
      await writeFile(process.env.BENCH_EDITOR_PROFILE!, JSON.stringify(cpuProfile));
    }
    const report = measured.finish();
    clearInterval(typing);
    typing = undefined;

    // The floor: the same browser typing into plain HTML of the same paragraphs.
    await page.close();
    const plainPage = await context.newPage();
    await plainPage.setContent(
      `<main><div contenteditable="true" style="font: 17px/1.65 system-ui, sans-serif; max-width: 50rem; padding: 2rem">${texts.map((text) => `<p>${escapeHtml(text)}</p>`).join('')}</div></main>`,
    );
    await instrument(plainPage);
    const plain = plainPage.locator('p');
    const plainMiddle = plain.nth(Math.floor((await plain.count()) / 2));
    await plainMiddle.scrollIntoViewIfNeeded();
    await plainMiddle.click();
    await plainPage.keyboard.press('End');
    const floor = await typeAndCollect(plainPage, params.editorKeystrokes, random);
    return {
      keystrokes: app.paint.n,
      remoteTypists: remotes.length,
      keystrokeToPaint: app.paint,
      processing: app.processing,
      documentCharacters,
      floor: { keystrokeToPaint: floor.paint, processing: floor.processing },
      window: report,
    };
  } finally {
    if (typing) clearInterval(typing);
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await inBatches(remotes, 5, (client) => client.close());
  }
}

/** Times every keystroke inside the page, from its event timestamp. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
      window.__benchPaint = [];
      window.__benchProcessing = [];
      document.addEventListener(
        'keydown',
        (event) => {
          const start = event.timeStamp;
          const afterTask = new MessageChannel();
          afterTask.port1.onmessage = () => window.__benchProcessing.push(performance.now() - start);
          afterTask.port2.postMessage(null);
          requestAnimationFrame(() => {
            const afterPaint = new MessageChannel();
            afterPaint.port1.onmessage = () => window.__benchPaint.push(performance.now() - start);
            afterPaint.port2.postMessage(null);
          });
        },
        { capture: true },
      );
  });
}

/** One keystroke every ~100 ms after a warm-up; returns the page's timings. */
async function typeAndCollect(page: Page, keystrokes: number, random: () => number): Promise<{ paint: Distribution; processing: Distribution }> {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < WARMUP_KEYSTROKES + keystrokes; i++) {
    if (i === WARMUP_KEYSTROKES) await page.evaluate(() => ((window.__benchPaint = []), (window.__benchProcessing = [])));
    await page.keyboard.press(i % 9 === 8 ? 'Space' : letters[i % letters.length]!);
    await sleep(KEY_INTERVAL_MS * (0.7 + 0.6 * random()));
  }
  await sleep(300);
  const { paint, processing } = await page.evaluate(() => ({ paint: window.__benchPaint, processing: window.__benchProcessing }));
  return { paint: summarize(paint), processing: summarize(processing) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

