/**
 * End-to-end tests of the web app in real headless Chromium (Debian's `chromium`, driven by
 * playwright-core). The app is built with Vite into a temporary folder and served by the real
 * server over loopback. Screenshots go to artifacts/e2e/ (gitignored).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { createServer } from '../../src/server/app.js';
import { ferryA, ferryB, hostile, orchard } from '../server/fixtures.js';

// Browser globals used inside page.evaluate callbacks (this file is compiled without the DOM lib).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const SEEDS = process.env.CROSSCHECK_SHARED ? join(process.env.CROSSCHECK_SHARED, 'corpus', 'seeds') : join(root, '..', 'shared', 'corpus', 'seeds');
const SHOTS = join(root, 'artifacts', 'e2e');
const TOKEN = 'e2e-token';

const skip = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install -y chromium)` : false;

/** A close rewrite of ferryA (our own text), so that it joins ferryA's story. */
const ferryRewrite = {
  title: 'Ferry link to Greyhaven islands reopens after pier repairs',
  outlet: 'Northern Wire',
  published: '2031-04-12T13:00:00Z',
  text: [
    'GREYHAVEN, April 12 – The ferry link between Port Ellis and the Greyhaven islands reopened on Saturday after six weeks of repairs to the pier damaged by the storm.',
    'Harbour master Tomas Lindqvist said the first crossing carried about 240 passengers and 31 vehicles.',
    '"We rebuilt the landing stage from the seabed up," Lindqvist told reporters at the quay.',
    'The council said the repairs cost 4.2 million crowns.',
  ].join('\n\n'),
};

describe('web app in headless Chromium', { skip }, () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let webDir: string;
  const problems: string[] = [];

  async function newPage(width = 1280, height = 900): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    return page;
  }

  async function post(body: string, type = 'application/json') {
    const r = await fetch(`${base}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type }, body });
    assert.equal(r.status, 200, await r.clone().text());
    return (await r.json()) as { articleIds: string[]; storyIds: string[]; items: { storyId: string | null; id?: string }[] };
  }

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    webDir = mkdtempSync(join(tmpdir(), 'crosscheck-web-'));
    await build({ configFile: join(root, 'src', 'web', 'app', 'vite.config.ts'), logLevel: 'silent', build: { outDir: webDir, emptyOutDir: true, sourcemap: false } });
    app = await createServer({ db: ':memory:', token: TOKEN, webRoot: webDir, rateLimit: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  test('seeds: story list, story page with conflicts and citations, article with removed boilerplate', { skip: !existsSync(SEEDS) && 'seeds not found' }, async () => {
    const lines = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => JSON.stringify({ text: readFileSync(join(SEEDS, f), 'utf8') }))
      .join('\n');
    const ing = await post(lines, 'application/x-ndjson');
    assert.equal(ing.articleIds.length, 5);
    // The story holding most seeds, and its brief as the API gives it.
    const stories = (await (await fetch(`${base}/api/stories`)).json()) as { stories: { id: string; articleCount: number; title: string }[] };
    const main = [...stories.stories].sort((a, b) => b.articleCount - a.articleCount)[0];
    const brief = (await (await fetch(`${base}/api/stories/${main.id}`)).json()) as { stories: { articles: { id: string; removed: unknown[] }[]; conflicts?: unknown[]; summary?: unknown; facts?: unknown[] }[] };
    const story = brief.stories[0];

    const page = await newPage();
    await page.goto(base + '/');
    await page.locator('.story-card').first().waitFor();
    assert.equal(await page.locator('.story-card').count(), stories.stories.length);
    if (Array.isArray(story.conflicts)) {
      const n = story.conflicts.length;
      const chip = page.locator('.story-card', { hasText: main.title }).locator('.chip', { hasText: /conflict/ });
      assert.equal((await chip.textContent())?.trim(), `${n} ${n === 1 ? 'conflict' : 'conflicts'}`);
    }
    await page.screenshot({ path: join(SHOTS, 'seeds-list.png'), fullPage: true });

    // Keyboard: tab to the story's link and open it with Enter.
    const link = page.locator('.story-link', { hasText: main.title });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.locator('article.story h1').waitFor();
    assert.equal(await page.locator('article.story h1').textContent(), main.title);
    assert.equal(await page.locator('li.source').count(), story.articles.length);

    if (Array.isArray(story.conflicts)) {
      assert.equal(await page.locator('.conflict-card').count(), story.conflicts.length, 'one card per conflict');
      if (story.conflicts.length) assert.ok((await page.locator('.conflict-card mark').count()) >= 2, 'differing values highlighted');
    }
    // Who said what: every quote with no named speaker but a source as written shows that source,
    // marked as not named (all quotes shown)
    const quotes = ((brief.stories[0] as { quotes?: { speaker: string | null; attribution?: string | null }[] }).quotes ?? []);
    const unnamed = quotes.filter((q) => !q.speaker && q.attribution);
    assert.ok(unnamed.length >= 1, 'the seeds quote unnamed sources');
    const allQuotes = page.locator('#quotes-h ~ button.more', { hasText: /Show all/ });
    if ((await allQuotes.count()) > 0) await allQuotes.first().click();
    assert.equal(await page.locator('figure.quote figcaption', { hasText: '(not named)' }).count(), unnamed.length, 'unnamed sources shown as such');
    for (const q of unnamed) assert.ok((await page.locator('figure.quote figcaption strong', { hasText: q.attribution! }).count()) >= 1, q.attribution!);
    const cites = page.locator('.cite-btn');
    if ((await cites.count()) > 0) {
      await cites.first().hover();
      const tip = page.locator('.cite-tip').first();
      await tip.waitFor();
      // The tip quotes a sentence that really is in the cited article.
      const sentence = ((await tip.locator('.cite-sentence').textContent()) ?? '').trim();
      const cited = decodeURIComponent(((await tip.locator('a.cite-open').getAttribute('href')) ?? '').replace('#/article/', ''));
      const art = story.articles.find((a) => a.id === cited) as { text?: string } | undefined;
      assert.ok(sentence.length > 20, 'the tip shows the source sentence');
      assert.ok(art?.text?.includes(sentence), `tip sentence is from article ${cited}: ${sentence}`);
      await page.screenshot({ path: join(SHOTS, 'seeds-citation.png') });
    } else {
      assert.ok(!story.summary && !story.facts?.length, 'citations shown whenever the brief has cited text');
    }
    await page.screenshot({ path: join(SHOTS, 'seeds-story.png'), fullPage: true });

    // Keyboard only: Tab reaches a citation, focus shows its tip, Escape hides it.
    if ((await cites.count()) > 0) {
      await page.mouse.move(0, 0);
      await page.locator('article.story h1').focus();
      let onCite = false;
      for (let i = 0; i < 40 && !onCite; i++) {
        await page.keyboard.press('Tab');
        onCite = await page.evaluate(() => document.activeElement?.classList.contains('cite-btn') ?? false);
      }
      assert.ok(onCite, 'a citation is reachable with Tab');
      await page.locator('.cite-tip').first().waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.cite-tip').first().waitFor({ state: 'detached' });
    }

    // Article page with its removed boilerplate struck through, with reasons.
    const withRemoved = [...story.articles].sort((a, b) => b.removed.length - a.removed.length)[0];
    assert.ok(withRemoved.removed.length > 0, 'a seed has boilerplate removed');
    await page.locator(`#src-${withRemoved.id} a.source-title`).click();
    await page.locator('article.article h1').waitFor();
    assert.equal(await page.locator('.removed del').count(), withRemoved.removed.length);
    assert.ok(((await page.locator('.removed .reason').first().textContent()) ?? '').length > 0);
    await page.screenshot({ path: join(SHOTS, 'seeds-article.png'), fullPage: true });

    // Phone width.
    const phone = await newPage(390, 844);
    await phone.goto(`${base}/#/story/${encodeURIComponent(main.id)}`);
    await phone.locator('article.story h1').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling on a phone (${overflow}px)`);
    await phone.screenshot({ path: join(SHOTS, 'seeds-story-phone.png'), fullPage: true });
    await phone.close();
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('ingest through the UI: open story and story list update live', async () => {
    const first = await post(JSON.stringify(ferryA));
    const storyId = first.items[0].storyId!;
    const viewer = await newPage();
    await viewer.goto(`${base}/#/story/${encodeURIComponent(storyId)}`);
    await viewer.locator('li.source').first().waitFor();
    const before = await viewer.locator('li.source').count();
    const lister = await newPage();
    await lister.goto(base + '/');
    await lister.locator('.story-card').first().waitFor();
    const cardsBefore = await lister.locator('.story-card').count();

    const page = await newPage();
    await page.goto(base + '/#/ingest');
    await page.locator('textarea[name=body]').fill(ferryRewrite.text);
    await page.getByLabel('Title').fill(ferryRewrite.title);
    await page.getByLabel('Outlet').fill(ferryRewrite.outlet);
    await page.getByLabel('Published').fill(ferryRewrite.published);
    await page.locator('input[name=token]').fill(TOKEN);
    await page.getByRole('button', { name: 'Add articles' }).click();
    await page.locator('.result .item-stored').waitFor();
    await page.screenshot({ path: join(SHOTS, 'ingest-result.png'), fullPage: true });

    const joined = (await page.locator('.result a', { hasText: 'open its story' }).getAttribute('href')) ?? '';
    if (joined.endsWith(encodeURIComponent(storyId))) {
      // The open story refreshes by itself (server-sent events).
      await viewer.locator('.notice', { hasText: 'Updated' }).waitFor({ timeout: 10_000 });
      await viewer.waitForFunction((n) => document.querySelectorAll('li.source').length > n, before);
    } else {
      // A new story: the list gains a card.
      await lister.waitForFunction((n) => document.querySelectorAll('.story-card').length > n, cardsBefore);
    }
    await lister.locator('.story-card.fresh').first().waitFor({ timeout: 10_000 });
    await viewer.screenshot({ path: join(SHOTS, 'ingest-story-updated.png'), fullPage: true });

    // A wrong token is reported, nothing stored.
    await page.locator('input[name=token]').fill('wrong');
    await page.getByRole('button', { name: 'Add articles' }).click();
    await page.locator('.error[role=alert]').waitFor();
    assert.match((await page.locator('.error[role=alert]').textContent()) ?? '', /Bearer/);
    problems.splice(0, problems.length, ...problems.filter((p) => !/401/.test(p)));
    await Promise.all([viewer.close(), lister.close(), page.close()]);
    assert.deepEqual(problems, []);
  });

  test('ingest panel: JSON Lines file with a bad line, and pasted HTML', async () => {
    const page = await newPage(390, 844);
    await page.goto(base + '/#/ingest');
    await page.locator('input[name=token]').fill(TOKEN);
    const jsonl = [JSON.stringify(orchard), '{"broken": ', JSON.stringify(ferryB)].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'batch.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) });
    await page.waitForFunction(() => (document.querySelector('textarea[name=body]') as { value: string } | null)?.value.includes('Velmar'));
    assert.match((await page.locator('select').inputValue()) + ((await page.locator('select option').first().textContent()) ?? ''), /jsonl/);
    await page.getByRole('button', { name: 'Add articles' }).click();
    await page.locator('.result').waitFor();
    assert.equal(await page.locator('.result .item-stored').count(), 2);
    assert.equal(await page.locator('.result .item-error').count(), 1);
    assert.match((await page.locator('.result .item-error').textContent()) ?? '', /not valid JSON/);

    const html = `<html><head><title>Norbury library reopens</title></head><body><nav>Home | News</nav><article><h1>Norbury library reopens after flood repairs</h1><p>The Norbury public library reopened on Thursday after three months of repairs to its flooded basement, librarian Hal Ostrander said.</p><p>About 400 visitors came on the first day, he said.</p></article></body></html>`;
    await page.locator('textarea[name=body]').fill(html);
    assert.match((await page.locator('select option').first().textContent()) ?? '', /html/);
    await page.getByRole('button', { name: 'Add articles' }).click();
    await page.locator('.result .item-stored').waitFor();
    await page.locator('.result a', { hasText: /^article / }).click();
    await page.locator('article.article h1').waitFor();
    assert.match((await page.locator('.article-text').textContent()) ?? '', /librarian Hal Ostrander/);
    await page.screenshot({ path: join(SHOTS, 'ingest-html-article-phone.png'), fullPage: true });
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('script, onerror and javascript: payloads render as inert text everywhere', async () => {
    const ing = await post(JSON.stringify(hostile));
    const id = ing.articleIds[0];
    const storyId = ing.items[0].storyId!;
    const page = await newPage();
    const check = async (where: string) => {
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        scripts: document.querySelectorAll('#app script').length,
        imgs: document.querySelectorAll('#app img').length,
        handlers: [...document.querySelectorAll('#app *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
        badLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^(https?:|#|\/)/i.test(a.getAttribute('href') ?? '')).length,
        text: document.getElementById('app')?.textContent ?? '',
      }));
      assert.equal(state.pwned, null, `${where}: payload ran`);
      assert.equal(state.scripts, 0, `${where}: script element`);
      assert.equal(state.imgs, 0, `${where}: img element`);
      assert.equal(state.handlers, 0, `${where}: event handler attribute`);
      assert.equal(state.badLinks, 0, `${where}: non-http link`);
      return state.text;
    };
    await page.goto(base + '/');
    await page.locator('.story-card').first().waitFor();
    await check('story list');
    await page.goto(`${base}/#/story/${encodeURIComponent(storyId)}`);
    await page.locator('li.source').first().waitFor();
    const storyText = await check('story page');
    assert.ok(storyText.includes('<script>') || storyText.includes('<img'), 'payload shown as text');
    await page.goto(`${base}/#/article/${encodeURIComponent(id)}`);
    await page.locator('.article-text p').first().waitFor();
    const articleText = await check('article page');
    assert.ok(articleText.includes('<script>window.__pwned = 4</script>'), 'text shown verbatim');
    await page.screenshot({ path: join(SHOTS, 'xss-article.png'), fullPage: true });
    await page.close();
    assert.deepEqual(problems, []);
  });
});
