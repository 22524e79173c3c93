// Keystroke handling in a static contenteditable of 2 and 200 paragraphs, with and without
// `content-visibility: auto` on the paragraphs: what the browser costs before any application.
// Run: taskset -c 1 npx tsx bench/src/experiments/contentVisibility.ts
import { chromium } from 'playwright-core';
import { summarize } from '../measure/summarize.js';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
for (const paragraphs of [2, 200]) {
  for (const style of ['', 'p { content-visibility: auto; contain-intrinsic-size: auto 6em; }']) {
    const body = Array.from({ length: paragraphs }, (_, i) => `<p>${'mot du texte français '.repeat(25)} ${i}</p>`).join('');
    await page.setContent(`<style>${style}</style><div contenteditable style="font: 17px/1.65 system-ui; max-width: 50rem">${body}</div>`);
    await page.evaluate(() => {
      const times: number[] = [];
      (window as unknown as { times: number[] }).times = times;
      document.addEventListener(
        'keydown',
        (event) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => times.push(performance.now() - event.timeStamp);
          channel.port2.postMessage(null);
        },
        { capture: true },
      );
    });
    await page.locator('p').nth(paragraphs / 2).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('a');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const times = await page.evaluate(() => (window as unknown as { times: number[] }).times);
    const stats = summarize(times.slice(5));
    console.log(`${paragraphs} paragraphs${style ? ', content-visibility: auto' : ''}: handling p50 ${stats.p50.toFixed(1)} ms, p99 ${stats.p99.toFixed(1)} ms`);
  }
}
await browser.close();
